"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'business_unit_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTabWidget, QTableView, QTextBrowser,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_BusinessUnitView(object):
    def setupUi(self, BusinessUnitView):
        if not BusinessUnitView.objectName():
            BusinessUnitView.setObjectName(u"BusinessUnitView")
        BusinessUnitView.resize(1200, 780)
        self.pageLayout = QVBoxLayout(BusinessUnitView)
        self.pageLayout.setObjectName(u"pageLayout")
        self.cycleRow = QHBoxLayout()
        self.cycleRow.setObjectName(u"cycleRow")
        self.cycleLabel = QLabel(BusinessUnitView)
        self.cycleLabel.setObjectName(u"cycleLabel")

        self.cycleRow.addWidget(self.cycleLabel)

        self.cycleChooser = QComboBox(BusinessUnitView)
        self.cycleChooser.setObjectName(u"cycleChooser")
        self.cycleChooser.setMinimumSize(QSize(260, 0))

        self.cycleRow.addWidget(self.cycleChooser)

        self.newCycleButton = QPushButton(BusinessUnitView)
        self.newCycleButton.setObjectName(u"newCycleButton")

        self.cycleRow.addWidget(self.newCycleButton)

        self.cycleSummary = QLabel(BusinessUnitView)
        self.cycleSummary.setObjectName(u"cycleSummary")
        self.cycleSummary.setWordWrap(True)

        self.cycleRow.addWidget(self.cycleSummary)

        self.cycleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cycleRow.addItem(self.cycleSpacer)


        self.pageLayout.addLayout(self.cycleRow)

        self.tabs = QTabWidget(BusinessUnitView)
        self.tabs.setObjectName(u"tabs")
        self.registerTab = QWidget()
        self.registerTab.setObjectName(u"registerTab")
        self.registerLayout = QVBoxLayout(self.registerTab)
        self.registerLayout.setObjectName(u"registerLayout")
        self.registerButtons = QHBoxLayout()
        self.registerButtons.setObjectName(u"registerButtons")
        self.importRegisterButton = QPushButton(self.registerTab)
        self.importRegisterButton.setObjectName(u"importRegisterButton")

        self.registerButtons.addWidget(self.importRegisterButton)

        self.addOrganisationButton = QPushButton(self.registerTab)
        self.addOrganisationButton.setObjectName(u"addOrganisationButton")

        self.registerButtons.addWidget(self.addOrganisationButton)

        self.removeOrganisationButton = QPushButton(self.registerTab)
        self.removeOrganisationButton.setObjectName(u"removeOrganisationButton")

        self.registerButtons.addWidget(self.removeOrganisationButton)

        self.startingFilesButton = QPushButton(self.registerTab)
        self.startingFilesButton.setObjectName(u"startingFilesButton")

        self.registerButtons.addWidget(self.startingFilesButton)

        self.chaseListButton = QPushButton(self.registerTab)
        self.chaseListButton.setObjectName(u"chaseListButton")

        self.registerButtons.addWidget(self.chaseListButton)

        self.registerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.registerButtons.addItem(self.registerSpacer)

        self.statusFilterLabel = QLabel(self.registerTab)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.registerButtons.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(self.registerTab)
        self.statusFilter.setObjectName(u"statusFilter")

        self.registerButtons.addWidget(self.statusFilter)


        self.registerLayout.addLayout(self.registerButtons)

        self.responseRates = QLabel(self.registerTab)
        self.responseRates.setObjectName(u"responseRates")
        self.responseRates.setWordWrap(True)
        self.responseRates.setTextFormat(Qt.TextFormat.PlainText)

        self.registerLayout.addWidget(self.responseRates)

        self.registerTable = QTableView(self.registerTab)
        self.registerTable.setObjectName(u"registerTable")
        self.registerTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.registerTable.setSortingEnabled(True)
        self.registerTable.setAlternatingRowColors(True)

        self.registerLayout.addWidget(self.registerTable)

        self.tabs.addTab(self.registerTab, "")
        self.returnsTab = QWidget()
        self.returnsTab.setObjectName(u"returnsTab")
        self.returnsLayout = QVBoxLayout(self.returnsTab)
        self.returnsLayout.setObjectName(u"returnsLayout")
        self.returnsButtons = QHBoxLayout()
        self.returnsButtons.setObjectName(u"returnsButtons")
        self.importFilesButton = QPushButton(self.returnsTab)
        self.importFilesButton.setObjectName(u"importFilesButton")

        self.returnsButtons.addWidget(self.importFilesButton)

        self.importFolderButton = QPushButton(self.returnsTab)
        self.importFolderButton.setObjectName(u"importFolderButton")

        self.returnsButtons.addWidget(self.importFolderButton)

        self.matchButton = QPushButton(self.returnsTab)
        self.matchButton.setObjectName(u"matchButton")

        self.returnsButtons.addWidget(self.matchButton)

        self.acceptButton = QPushButton(self.returnsTab)
        self.acceptButton.setObjectName(u"acceptButton")

        self.returnsButtons.addWidget(self.acceptButton)

        self.rejectButton = QPushButton(self.returnsTab)
        self.rejectButton.setObjectName(u"rejectButton")

        self.returnsButtons.addWidget(self.rejectButton)

        self.moderateButton = QPushButton(self.returnsTab)
        self.moderateButton.setObjectName(u"moderateButton")

        self.returnsButtons.addWidget(self.moderateButton)

        self.requestEvidenceButton = QPushButton(self.returnsTab)
        self.requestEvidenceButton.setObjectName(u"requestEvidenceButton")

        self.returnsButtons.addWidget(self.requestEvidenceButton)

        self.importSupplementButton = QPushButton(self.returnsTab)
        self.importSupplementButton.setObjectName(u"importSupplementButton")

        self.returnsButtons.addWidget(self.importSupplementButton)

        self.returnsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.returnsButtons.addItem(self.returnsSpacer)


        self.returnsLayout.addLayout(self.returnsButtons)

        self.dropHint = QLabel(self.returnsTab)
        self.dropHint.setObjectName(u"dropHint")

        self.returnsLayout.addWidget(self.dropHint)

        self.returnsTable = QTableView(self.returnsTab)
        self.returnsTable.setObjectName(u"returnsTable")
        self.returnsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.returnsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.returnsTable.setSortingEnabled(True)
        self.returnsTable.setAlternatingRowColors(True)

        self.returnsLayout.addWidget(self.returnsTable)

        self.decisionNote = QLabel(self.returnsTab)
        self.decisionNote.setObjectName(u"decisionNote")
        self.decisionNote.setWordWrap(True)
        self.decisionNote.setTextFormat(Qt.TextFormat.PlainText)
        self.decisionNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.returnsLayout.addWidget(self.decisionNote)

        self.reportLabel = QLabel(self.returnsTab)
        self.reportLabel.setObjectName(u"reportLabel")

        self.returnsLayout.addWidget(self.reportLabel)

        self.importReport = QListWidget(self.returnsTab)
        self.importReport.setObjectName(u"importReport")
        self.importReport.setMaximumSize(QSize(16777215, 150))
        self.importReport.setWordWrap(True)

        self.returnsLayout.addWidget(self.importReport)

        self.tabs.addTab(self.returnsTab, "")
        self.findingsTab = QWidget()
        self.findingsTab.setObjectName(u"findingsTab")
        self.findingsLayout = QVBoxLayout(self.findingsTab)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsFilters = QHBoxLayout()
        self.findingsFilters.setObjectName(u"findingsFilters")
        self.basisLabel = QLabel(self.findingsTab)
        self.basisLabel.setObjectName(u"basisLabel")

        self.findingsFilters.addWidget(self.basisLabel)

        self.basisChooser = QComboBox(self.findingsTab)
        self.basisChooser.setObjectName(u"basisChooser")

        self.findingsFilters.addWidget(self.basisChooser)

        self.sectorLabel = QLabel(self.findingsTab)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.findingsFilters.addWidget(self.sectorLabel)

        self.sectorFilter = QComboBox(self.findingsTab)
        self.sectorFilter.setObjectName(u"sectorFilter")

        self.findingsFilters.addWidget(self.sectorFilter)

        self.typeLabel = QLabel(self.findingsTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.findingsFilters.addWidget(self.typeLabel)

        self.typeFilter = QComboBox(self.findingsTab)
        self.typeFilter.setObjectName(u"typeFilter")

        self.findingsFilters.addWidget(self.typeFilter)

        self.findingsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.findingsFilters.addItem(self.findingsSpacer)

        self.findingsPdfButton = QPushButton(self.findingsTab)
        self.findingsPdfButton.setObjectName(u"findingsPdfButton")

        self.findingsFilters.addWidget(self.findingsPdfButton)

        self.findingsXlsxButton = QPushButton(self.findingsTab)
        self.findingsXlsxButton.setObjectName(u"findingsXlsxButton")

        self.findingsFilters.addWidget(self.findingsXlsxButton)

        self.findingsDocxButton = QPushButton(self.findingsTab)
        self.findingsDocxButton.setObjectName(u"findingsDocxButton")

        self.findingsFilters.addWidget(self.findingsDocxButton)

        self.headlinesButton = QPushButton(self.findingsTab)
        self.headlinesButton.setObjectName(u"headlinesButton")

        self.findingsFilters.addWidget(self.headlinesButton)


        self.findingsLayout.addLayout(self.findingsFilters)

        self.findingsSummary = QLabel(self.findingsTab)
        self.findingsSummary.setObjectName(u"findingsSummary")
        self.findingsSummary.setWordWrap(True)
        self.findingsSummary.setTextFormat(Qt.TextFormat.PlainText)

        self.findingsLayout.addWidget(self.findingsSummary)

        self.findingsSplitter = QSplitter(self.findingsTab)
        self.findingsSplitter.setObjectName(u"findingsSplitter")
        self.findingsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.annualSummary = QTextBrowser(self.findingsSplitter)
        self.annualSummary.setObjectName(u"annualSummary")
        self.annualSummary.setOpenLinks(False)
        self.findingsSplitter.addWidget(self.annualSummary)
        self.standardsTable = QTableView(self.findingsSplitter)
        self.standardsTable.setObjectName(u"standardsTable")
        self.standardsTable.setSortingEnabled(True)
        self.standardsTable.setAlternatingRowColors(True)
        self.findingsSplitter.addWidget(self.standardsTable)
        self.itemsTable = QTableView(self.findingsSplitter)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSortingEnabled(True)
        self.itemsTable.setAlternatingRowColors(True)
        self.findingsSplitter.addWidget(self.itemsTable)

        self.findingsLayout.addWidget(self.findingsSplitter)

        self.tabs.addTab(self.findingsTab, "")
        self.peerTab = QWidget()
        self.peerTab.setObjectName(u"peerTab")
        self.peerLayout = QVBoxLayout(self.peerTab)
        self.peerLayout.setObjectName(u"peerLayout")
        self.peerEventRow = QHBoxLayout()
        self.peerEventRow.setObjectName(u"peerEventRow")
        self.peerEventLabel = QLabel(self.peerTab)
        self.peerEventLabel.setObjectName(u"peerEventLabel")

        self.peerEventRow.addWidget(self.peerEventLabel)

        self.peerEvent = QComboBox(self.peerTab)
        self.peerEvent.setObjectName(u"peerEvent")
        self.peerEvent.setMinimumSize(QSize(320, 0))

        self.peerEventRow.addWidget(self.peerEvent)

        self.newEventButton = QPushButton(self.peerTab)
        self.newEventButton.setObjectName(u"newEventButton")

        self.peerEventRow.addWidget(self.newEventButton)

        self.peerEventDetails = QLabel(self.peerTab)
        self.peerEventDetails.setObjectName(u"peerEventDetails")
        self.peerEventDetails.setWordWrap(True)

        self.peerEventRow.addWidget(self.peerEventDetails)

        self.peerEventSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peerEventRow.addItem(self.peerEventSpacer)


        self.peerLayout.addLayout(self.peerEventRow)

        self.peerGroupRow = QHBoxLayout()
        self.peerGroupRow.setObjectName(u"peerGroupRow")
        self.groupSizeLabel = QLabel(self.peerTab)
        self.groupSizeLabel.setObjectName(u"groupSizeLabel")

        self.peerGroupRow.addWidget(self.groupSizeLabel)

        self.groupSize = QSpinBox(self.peerTab)
        self.groupSize.setObjectName(u"groupSize")
        self.groupSize.setMinimum(2)
        self.groupSize.setMaximum(12)
        self.groupSize.setValue(4)

        self.peerGroupRow.addWidget(self.groupSize)

        self.proposeGroupsButton = QPushButton(self.peerTab)
        self.proposeGroupsButton.setObjectName(u"proposeGroupsButton")

        self.peerGroupRow.addWidget(self.proposeGroupsButton)

        self.moveButton = QPushButton(self.peerTab)
        self.moveButton.setObjectName(u"moveButton")

        self.peerGroupRow.addWidget(self.moveButton)

        self.noteButton = QPushButton(self.peerTab)
        self.noteButton.setObjectName(u"noteButton")

        self.peerGroupRow.addWidget(self.noteButton)

        self.peerGroupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peerGroupRow.addItem(self.peerGroupSpacer)


        self.peerLayout.addLayout(self.peerGroupRow)

        self.groupsTree = QTreeWidget(self.peerTab)
        self.groupsTree.setObjectName(u"groupsTree")
        self.groupsTree.setAlternatingRowColors(True)

        self.peerLayout.addWidget(self.groupsTree)

        self.peerOutputRow = QHBoxLayout()
        self.peerOutputRow.setObjectName(u"peerOutputRow")
        self.templatesButton = QPushButton(self.peerTab)
        self.templatesButton.setObjectName(u"templatesButton")

        self.peerOutputRow.addWidget(self.templatesButton)

        self.scheduleButton = QPushButton(self.peerTab)
        self.scheduleButton.setObjectName(u"scheduleButton")

        self.peerOutputRow.addWidget(self.scheduleButton)

        self.recordButton = QPushButton(self.peerTab)
        self.recordButton.setObjectName(u"recordButton")

        self.peerOutputRow.addWidget(self.recordButton)

        self.peerOutputSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peerOutputRow.addItem(self.peerOutputSpacer)

        self.daySummaryButton = QPushButton(self.peerTab)
        self.daySummaryButton.setObjectName(u"daySummaryButton")

        self.peerOutputRow.addWidget(self.daySummaryButton)

        self.peerFeedbackButton = QPushButton(self.peerTab)
        self.peerFeedbackButton.setObjectName(u"peerFeedbackButton")

        self.peerOutputRow.addWidget(self.peerFeedbackButton)

        self.outcomesWorkbookButton = QPushButton(self.peerTab)
        self.outcomesWorkbookButton.setObjectName(u"outcomesWorkbookButton")

        self.peerOutputRow.addWidget(self.outcomesWorkbookButton)


        self.peerLayout.addLayout(self.peerOutputRow)

        self.tabs.addTab(self.peerTab, "")

        self.pageLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.cycleLabel.setBuddy(self.cycleChooser)
        self.statusFilterLabel.setBuddy(self.statusFilter)
        self.reportLabel.setBuddy(self.importReport)
        self.basisLabel.setBuddy(self.basisChooser)
        self.sectorLabel.setBuddy(self.sectorFilter)
        self.typeLabel.setBuddy(self.typeFilter)
        self.peerEventLabel.setBuddy(self.peerEvent)
        self.groupSizeLabel.setBuddy(self.groupSize)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cycleChooser, self.newCycleButton)
        QWidget.setTabOrder(self.newCycleButton, self.tabs)

        self.retranslateUi(BusinessUnitView)
    # setupUi

    def retranslateUi(self, BusinessUnitView):
        self.cycleLabel.setText(QCoreApplication.translate("BusinessUnitView", u"Audit &cycle:", None))
#if QT_CONFIG(accessibility)
        self.cycleChooser.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Audit cycle", None))
#endif // QT_CONFIG(accessibility)
        self.newCycleButton.setText(QCoreApplication.translate("BusinessUnitView", u"&New cycle\u2026", None))
#if QT_CONFIG(accessibility)
        self.newCycleButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"New audit cycle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cycleSummary.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Cycle summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Business unit views", None))
#endif // QT_CONFIG(accessibility)
        self.importRegisterButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Import register\u2026", None))
#if QT_CONFIG(accessibility)
        self.importRegisterButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Import the register from a CSV or Excel file", None))
#endif // QT_CONFIG(accessibility)
        self.addOrganisationButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Add organisation\u2026", None))
#if QT_CONFIG(accessibility)
        self.addOrganisationButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Add an organisation to the register", None))
#endif // QT_CONFIG(accessibility)
        self.removeOrganisationButton.setText(QCoreApplication.translate("BusinessUnitView", u"Re&move", None))
#if QT_CONFIG(accessibility)
        self.removeOrganisationButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Remove the selected organisation from the register", None))
#endif // QT_CONFIG(accessibility)
        self.startingFilesButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Starting files\u2026", None))
#if QT_CONFIG(accessibility)
        self.startingFilesButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write starting files for the selected organisations, or all", None))
#endif // QT_CONFIG(accessibility)
        self.chaseListButton.setText(QCoreApplication.translate("BusinessUnitView", u"Chase &list\u2026", None))
#if QT_CONFIG(accessibility)
        self.chaseListButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the list of organisations not yet returned", None))
#endif // QT_CONFIG(accessibility)
        self.statusFilterLabel.setText(QCoreApplication.translate("BusinessUnitView", u"Sh&ow:", None))
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Show organisations by status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.responseRates.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Response rates", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.registerTable.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Register of organisations expected to return", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.registerTab), QCoreApplication.translate("BusinessUnitView", u"&Register and responses", None))
        self.importFilesButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Import returns\u2026", None))
#if QT_CONFIG(accessibility)
        self.importFilesButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Import return files", None))
#endif // QT_CONFIG(accessibility)
        self.importFolderButton.setText(QCoreApplication.translate("BusinessUnitView", u"Import a fo&lder\u2026", None))
#if QT_CONFIG(accessibility)
        self.importFolderButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Import every return in a folder", None))
#endif // QT_CONFIG(accessibility)
        self.matchButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Match to organisation\u2026", None))
#if QT_CONFIG(accessibility)
        self.matchButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Match the selected return to an organisation in the register", None))
#endif // QT_CONFIG(accessibility)
        self.acceptButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Accept\u2026", None))
#if QT_CONFIG(accessibility)
        self.acceptButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Accept the selected return: its new signing key, or a flagged statement", None))
#endif // QT_CONFIG(accessibility)
        self.rejectButton.setText(QCoreApplication.translate("BusinessUnitView", u"Re&ject\u2026", None))
#if QT_CONFIG(accessibility)
        self.rejectButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Reject the selected return: its new signing key, or a flagged statement", None))
#endif // QT_CONFIG(accessibility)
        self.moderateButton.setText(QCoreApplication.translate("BusinessUnitView", u"M&oderate\u2026", None))
#if QT_CONFIG(accessibility)
        self.moderateButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Moderate the selected return", None))
#endif // QT_CONFIG(accessibility)
        self.requestEvidenceButton.setText(QCoreApplication.translate("BusinessUnitView", u"Request &evidence\u2026", None))
#if QT_CONFIG(accessibility)
        self.requestEvidenceButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Request the evidence files of one standard that the selected return lists but does not include", None))
#endif // QT_CONFIG(accessibility)
        self.importSupplementButton.setText(QCoreApplication.translate("BusinessUnitView", u"Import evidence s&upplement\u2026", None))
#if QT_CONFIG(accessibility)
        self.importSupplementButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Import an evidence supplement an organisation sent in answer to a request", None))
#endif // QT_CONFIG(accessibility)
        self.dropHint.setText(QCoreApplication.translate("BusinessUnitView", u"Drop return files or folders anywhere on this window to import them.", None))
        self.dropHint.setProperty(u"role", QCoreApplication.translate("BusinessUnitView", u"secondary", None))
#if QT_CONFIG(accessibility)
        self.returnsTable.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Imported returns", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionNote.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"What the selected return waits for", None))
#endif // QT_CONFIG(accessibility)
        self.reportLabel.setText(QCoreApplication.translate("BusinessUnitView", u"Last import:", None))
#if QT_CONFIG(accessibility)
        self.importReport.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Report of the last import", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.returnsTab), QCoreApplication.translate("BusinessUnitView", u"Re&turns", None))
        self.basisLabel.setText(QCoreApplication.translate("BusinessUnitView", u"&Grades:", None))
#if QT_CONFIG(accessibility)
        self.basisChooser.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Count self-grades or moderated grades", None))
#endif // QT_CONFIG(accessibility)
        self.sectorLabel.setText(QCoreApplication.translate("BusinessUnitView", u"S&ector:", None))
#if QT_CONFIG(accessibility)
        self.sectorFilter.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Sector", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("BusinessUnitView", u"T&ype:", None))
#if QT_CONFIG(accessibility)
        self.typeFilter.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Organisation type", None))
#endif // QT_CONFIG(accessibility)
        self.findingsPdfButton.setText(QCoreApplication.translate("BusinessUnitView", u"F&indings PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.findingsPdfButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the findings as a PDF", None))
#endif // QT_CONFIG(accessibility)
        self.findingsXlsxButton.setText(QCoreApplication.translate("BusinessUnitView", u"Findings &workbook\u2026", None))
#if QT_CONFIG(accessibility)
        self.findingsXlsxButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the findings as an Excel workbook", None))
#endif // QT_CONFIG(accessibility)
        self.findingsDocxButton.setText(QCoreApplication.translate("BusinessUnitView", u"Findings d&ocument\u2026", None))
#if QT_CONFIG(accessibility)
        self.findingsDocxButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the summary and findings as an accessible Word document", None))
#endif // QT_CONFIG(accessibility)
        self.headlinesButton.setText(QCoreApplication.translate("BusinessUnitView", u"Headline &measures\u2026", None))
#if QT_CONFIG(accessibility)
        self.headlinesButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Choose the headline measures of the annual report summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.findingsSummary.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Findings summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.annualSummary.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Annual report summary: response rates with last cycle's and the headline measures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.standardsTable.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Findings per standard", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.itemsTable.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Findings per checklist item", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.findingsTab), QCoreApplication.translate("BusinessUnitView", u"Fin&dings", None))
        self.peerEventLabel.setText(QCoreApplication.translate("BusinessUnitView", u"&Event:", None))
#if QT_CONFIG(accessibility)
        self.peerEvent.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Peer audit event", None))
#endif // QT_CONFIG(accessibility)
        self.newEventButton.setText(QCoreApplication.translate("BusinessUnitView", u"Ne&w peer audit event\u2026", None))
#if QT_CONFIG(accessibility)
        self.newEventButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"New peer audit event", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.peerEventDetails.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Event details", None))
#endif // QT_CONFIG(accessibility)
        self.groupSizeLabel.setText(QCoreApplication.translate("BusinessUnitView", u"Group si&ze:", None))
#if QT_CONFIG(accessibility)
        self.groupSize.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Agencies per challenge group", None))
#endif // QT_CONFIG(accessibility)
        self.proposeGroupsButton.setText(QCoreApplication.translate("BusinessUnitView", u"Pr&opose groups", None))
#if QT_CONFIG(accessibility)
        self.proposeGroupsButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Propose challenge groups that mix sectors", None))
#endif // QT_CONFIG(accessibility)
        self.moveButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Move to group\u2026", None))
#if QT_CONFIG(accessibility)
        self.moveButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Move the selected agency to another group", None))
#endif // QT_CONFIG(accessibility)
        self.noteButton.setText(QCoreApplication.translate("BusinessUnitView", u"Business &unit note\u2026", None))
#if QT_CONFIG(accessibility)
        self.noteButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the business unit's note for the selected agency", None))
#endif // QT_CONFIG(accessibility)
        ___qtreewidgetitem = self.groupsTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("BusinessUnitView", u"Outcomes recorded", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("BusinessUnitView", u"Sector", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("BusinessUnitView", u"Group and agency", None))
#if QT_CONFIG(accessibility)
        self.groupsTree.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Challenge groups and their agencies", None))
#endif // QT_CONFIG(accessibility)
        self.templatesButton.setText(QCoreApplication.translate("BusinessUnitView", u"Templ&ates\u2026", None))
#if QT_CONFIG(accessibility)
        self.templatesButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the pre-populated templates for the agencies", None))
#endif // QT_CONFIG(accessibility)
        self.scheduleButton.setText(QCoreApplication.translate("BusinessUnitView", u"&Schedule PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.scheduleButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the schedule of groups and times", None))
#endif // QT_CONFIG(accessibility)
        self.recordButton.setText(QCoreApplication.translate("BusinessUnitView", u"Record the &group\u2026", None))
#if QT_CONFIG(accessibility)
        self.recordButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Record the outcomes for the selected group", None))
#endif // QT_CONFIG(accessibility)
        self.daySummaryButton.setText(QCoreApplication.translate("BusinessUnitView", u"Day summar&y PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.daySummaryButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write the day summary", None))
#endif // QT_CONFIG(accessibility)
        self.peerFeedbackButton.setText(QCoreApplication.translate("BusinessUnitView", u"Feedback &letters\u2026", None))
#if QT_CONFIG(accessibility)
        self.peerFeedbackButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write a feedback letter for each agency", None))
#endif // QT_CONFIG(accessibility)
        self.outcomesWorkbookButton.setText(QCoreApplication.translate("BusinessUnitView", u"Outcomes work&book\u2026", None))
#if QT_CONFIG(accessibility)
        self.outcomesWorkbookButton.setAccessibleName(QCoreApplication.translate("BusinessUnitView", u"Write all outcomes and recommendations as a workbook", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.peerTab), QCoreApplication.translate("BusinessUnitView", u"&Peer audit", None))
        pass
    # retranslateUi



class BusinessUnitWindowForm(QWidget, Ui_BusinessUnitView):
    """``forms/business_unit_window.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
