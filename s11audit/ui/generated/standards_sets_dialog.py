"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'standards_sets_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic)
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_StandardsSetsDialog(object):
    def setupUi(self, StandardsSetsDialog):
        if not StandardsSetsDialog.objectName():
            StandardsSetsDialog.setObjectName(u"StandardsSetsDialog")
        StandardsSetsDialog.resize(1040, 640)
        self.pageLayout = QVBoxLayout(StandardsSetsDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(StandardsSetsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.setsLabel = QLabel(StandardsSetsDialog)
        self.setsLabel.setObjectName(u"setsLabel")

        self.pageLayout.addWidget(self.setsLabel)

        self.setsTable = QTableView(StandardsSetsDialog)
        self.setsTable.setObjectName(u"setsTable")
        self.setsTable.setMinimumSize(QSize(0, 170))
        self.setsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setsTable.setTabKeyNavigation(False)
        self.setsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setsTable.setAlternatingRowColors(True)
        self.setsTable.setWordWrap(False)
        self.setsTable.horizontalHeader().setStretchLastSection(True)
        self.setsTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.setsTable)

        self.workbookRow = QHBoxLayout()
        self.workbookRow.setObjectName(u"workbookRow")
        self.importButton = QPushButton(StandardsSetsDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setAutoDefault(False)

        self.workbookRow.addWidget(self.importButton)

        self.saveWorkbookButton = QPushButton(StandardsSetsDialog)
        self.saveWorkbookButton.setObjectName(u"saveWorkbookButton")
        self.saveWorkbookButton.setAutoDefault(False)

        self.workbookRow.addWidget(self.saveWorkbookButton)

        self.workbookSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.workbookRow.addItem(self.workbookSpacer)


        self.pageLayout.addLayout(self.workbookRow)

        self.workbookStatus = QLabel(StandardsSetsDialog)
        self.workbookStatus.setObjectName(u"workbookStatus")
        self.workbookStatus.setWordWrap(True)
        self.workbookStatus.setTextFormat(Qt.TextFormat.PlainText)
        self.workbookStatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.workbookStatus)

        self.workbookProblems = QPlainTextEdit(StandardsSetsDialog)
        self.workbookProblems.setObjectName(u"workbookProblems")
        self.workbookProblems.setReadOnly(True)
        self.workbookProblems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.workbookProblems.setMaximumSize(QSize(16777215, 160))

        self.pageLayout.addWidget(self.workbookProblems)

        self.skippedLabel = QLabel(StandardsSetsDialog)
        self.skippedLabel.setObjectName(u"skippedLabel")

        self.pageLayout.addWidget(self.skippedLabel)

        self.skippedText = QLabel(StandardsSetsDialog)
        self.skippedText.setObjectName(u"skippedText")
        self.skippedText.setWordWrap(True)
        self.skippedText.setTextFormat(Qt.TextFormat.PlainText)
        self.skippedText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.skippedText)

        self.folders = QLabel(StandardsSetsDialog)
        self.folders.setObjectName(u"folders")
        self.folders.setWordWrap(True)
        self.folders.setTextFormat(Qt.TextFormat.PlainText)
        self.folders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.folders)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.openFolderButton = QPushButton(StandardsSetsDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")
        self.openFolderButton.setAutoDefault(False)

        self.bottomRow.addWidget(self.openFolderButton)

        self.buttons = QDialogButtonBox(StandardsSetsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottomRow.addWidget(self.buttons)


        self.pageLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.setsLabel.setBuddy(self.setsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.setsTable, self.importButton)
        QWidget.setTabOrder(self.importButton, self.saveWorkbookButton)
        QWidget.setTabOrder(self.saveWorkbookButton, self.workbookStatus)
        QWidget.setTabOrder(self.workbookStatus, self.workbookProblems)
        QWidget.setTabOrder(self.workbookProblems, self.skippedText)
        QWidget.setTabOrder(self.skippedText, self.folders)
        QWidget.setTabOrder(self.folders, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.buttons)

        self.retranslateUi(StandardsSetsDialog)
    # setupUi

    def retranslateUi(self, StandardsSetsDialog):
        StandardsSetsDialog.setWindowTitle(QCoreApplication.translate("StandardsSetsDialog", u"Standards sets", None))
        self.intro.setText(QCoreApplication.translate("StandardsSetsDialog", u"These are the standards sets on this computer. A business unit can add its own set by putting its file in your standards folder, or write one in Excel: save a set as a workbook, change it, then import the workbook. The app reads new sets the next time it starts.", None))
        self.setsLabel.setText(QCoreApplication.translate("StandardsSetsDialog", u"&Sets that can be used:", None))
#if QT_CONFIG(accessibility)
        self.setsTable.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Standards sets that can be used", None))
#endif // QT_CONFIG(accessibility)
        self.importButton.setText(QCoreApplication.translate("StandardsSetsDialog", u"&Import from workbook...", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("StandardsSetsDialog", u"Read a standards set written in Excel (a workbook made with Save as workbook) and add it to your standards folder", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Import from workbook", None))
#endif // QT_CONFIG(accessibility)
        self.saveWorkbookButton.setText(QCoreApplication.translate("StandardsSetsDialog", u"Save as &workbook...", None))
#if QT_CONFIG(tooltip)
        self.saveWorkbookButton.setToolTip(QCoreApplication.translate("StandardsSetsDialog", u"Write the chosen set as an Excel workbook, to change it or to write a new set from it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveWorkbookButton.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Save as workbook", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.workbookStatus.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"What happened to the last workbook", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.workbookProblems.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Problems found in the workbook, each with its sheet and cell", None))
#endif // QT_CONFIG(accessibility)
        self.skippedLabel.setText(QCoreApplication.translate("StandardsSetsDialog", u"Files that could not be used, and why:", None))
#if QT_CONFIG(accessibility)
        self.skippedText.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Standards files that could not be used, and why", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.folders.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Standards folders", None))
#endif // QT_CONFIG(accessibility)
        self.openFolderButton.setText(QCoreApplication.translate("StandardsSetsDialog", u"&Open your standards folder", None))
#if QT_CONFIG(accessibility)
        self.openFolderButton.setAccessibleName(QCoreApplication.translate("StandardsSetsDialog", u"Open your standards folder", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class StandardsSetsDialogForm(QWidget, Ui_StandardsSetsDialog):
    """``forms/standards_sets_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
