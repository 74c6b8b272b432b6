# Install s11audit for the current user, without administrator rights (see README.md, "Install on Windows").
#   powershell -ExecutionPolicy Bypass -File install-user.ps1 -Zip s11audit-windows.zip
#   powershell -ExecutionPolicy Bypass -File install-user.ps1 -Uninstall
# Unzips the one-folder build to %LOCALAPPDATA%\Programs\s11audit, adds a Start menu shortcut and
# associates .s11audit, .s11return and .s11workspace with it in HKCU\Software\Classes.
param([string]$Zip, [switch]$Uninstall)
$ErrorActionPreference = "Stop"
$target = Join-Path $env:LOCALAPPDATA "Programs\s11audit"
$exe = Join-Path $target "s11audit.exe"
$shortcut = Join-Path ([Environment]::GetFolderPath("Programs")) "s11audit.lnk"
$types = @{ ".s11audit" = @("s11audit.AuditFile", "s11audit audit file");
            ".s11return" = @("s11audit.Return", "s11audit signed return");
            ".s11workspace" = @("s11audit.Workspace", "s11audit business unit workspace") }

if ($Uninstall) {
    foreach ($ext in $types.Keys) {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "HKCU:\Software\Classes\$ext", "HKCU:\Software\Classes\$($types[$ext][0])"
    }
    Remove-Item -Force -ErrorAction SilentlyContinue $shortcut
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $target
    Write-Host "Removed s11audit (your audit files and settings are kept)."
    exit 0
}

if ($Zip) {
    # The zip holds the dist\s11audit folder; put its contents in $target, replacing an older version.
    $unpack = Join-Path $env:TEMP "s11audit-install"
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $unpack, $target
    Expand-Archive -Path $Zip -DestinationPath $unpack
    $folder = Get-ChildItem -Path $unpack -Recurse -Filter "s11audit.exe" | Select-Object -First 1
    New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
    Move-Item $folder.DirectoryName $target
    Remove-Item -Recurse -Force $unpack
}
if (-not (Test-Path $exe)) { throw "No $exe: give -Zip with the one-folder build." }

$shell = New-Object -ComObject WScript.Shell
$link = $shell.CreateShortcut($shortcut)
$link.TargetPath = $exe
$link.WorkingDirectory = [Environment]::GetFolderPath("MyDocuments")
$link.Save()

foreach ($ext in $types.Keys) {
    $progId, $label = $types[$ext]
    New-Item -Force "HKCU:\Software\Classes\$ext" -Value $progId | Out-Null
    New-Item -Force "HKCU:\Software\Classes\$progId" -Value $label | Out-Null
    New-Item -Force "HKCU:\Software\Classes\$progId\DefaultIcon" -Value "`"$exe`",0" | Out-Null
    New-Item -Force "HKCU:\Software\Classes\$progId\shell\open\command" -Value "`"$exe`" `"%1`"" | Out-Null
}
# Tell Explorer the associations changed (SHChangeNotify(SHCNE_ASSOCCHANGED)).
Add-Type -Namespace Win32 -Name Shell -MemberDefinition '[DllImport("shell32.dll")] public static extern void SHChangeNotify(int e, int f, IntPtr a, IntPtr b);'
[Win32.Shell]::SHChangeNotify(0x08000000, 0, [IntPtr]::Zero, [IntPtr]::Zero)
Write-Host "Installed s11audit in $target, with a Start menu shortcut and file associations."
