"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'statement_findings.ui'
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
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_StatementFindings(object):
    def setupUi(self, StatementFindings):
        if not StatementFindings.objectName():
            StatementFindings.setObjectName(u"StatementFindings")
        StatementFindings.resize(1100, 700)
        self.statementLayout = QVBoxLayout(StatementFindings)
        self.statementLayout.setObjectName(u"statementLayout")
        self.statementSummary = QLabel(StatementFindings)
        self.statementSummary.setObjectName(u"statementSummary")
        self.statementSummary.setWordWrap(True)
        self.statementSummary.setTextFormat(Qt.TextFormat.PlainText)

        self.statementLayout.addWidget(self.statementSummary)

        self.statementTabs = QTabWidget(StatementFindings)
        self.statementTabs.setObjectName(u"statementTabs")
        self.standardsPage = QWidget()
        self.standardsPage.setObjectName(u"standardsPage")
        self.standardsPageLayout = QVBoxLayout(self.standardsPage)
        self.standardsPageLayout.setObjectName(u"standardsPageLayout")
        self.standardsSplitter = QSplitter(self.standardsPage)
        self.standardsSplitter.setObjectName(u"standardsSplitter")
        self.standardsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.standardsSplitter.setChildrenCollapsible(False)
        self.confirmationTable = QTableView(self.standardsSplitter)
        self.confirmationTable.setObjectName(u"confirmationTable")
        self.confirmationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.confirmationTable.setSortingEnabled(True)
        self.confirmationTable.setAlternatingRowColors(True)
        self.confirmationTable.setTabKeyNavigation(False)
        self.standardsSplitter.addWidget(self.confirmationTable)
        self.declinesPart = QWidget(self.standardsSplitter)
        self.declinesPart.setObjectName(u"declinesPart")
        self.declinesLayout = QVBoxLayout(self.declinesPart)
        self.declinesLayout.setObjectName(u"declinesLayout")
        self.declinesLayout.setContentsMargins(0, 0, 0, 0)
        self.declinesHeading = QLabel(self.declinesPart)
        self.declinesHeading.setObjectName(u"declinesHeading")
        self.declinesHeading.setWordWrap(True)
        self.declinesHeading.setTextFormat(Qt.TextFormat.PlainText)

        self.declinesLayout.addWidget(self.declinesHeading)

        self.declinesTable = QTableView(self.declinesPart)
        self.declinesTable.setObjectName(u"declinesTable")
        self.declinesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.declinesTable.setSortingEnabled(True)
        self.declinesTable.setAlternatingRowColors(True)
        self.declinesTable.setTabKeyNavigation(False)

        self.declinesLayout.addWidget(self.declinesTable)

        self.standardsSplitter.addWidget(self.declinesPart)

        self.standardsPageLayout.addWidget(self.standardsSplitter)

        self.statementTabs.addTab(self.standardsPage, "")
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressPageLayout = QVBoxLayout(self.progressPage)
        self.progressPageLayout.setObjectName(u"progressPageLayout")
        self.progressSummary = QLabel(self.progressPage)
        self.progressSummary.setObjectName(u"progressSummary")
        self.progressSummary.setWordWrap(True)
        self.progressSummary.setTextFormat(Qt.TextFormat.PlainText)

        self.progressPageLayout.addWidget(self.progressSummary)

        self.progressTable = QTableView(self.progressPage)
        self.progressTable.setObjectName(u"progressTable")
        self.progressTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progressTable.setSortingEnabled(True)
        self.progressTable.setAlternatingRowColors(True)
        self.progressTable.setTabKeyNavigation(False)

        self.progressPageLayout.addWidget(self.progressTable)

        self.statementTabs.addTab(self.progressPage, "")
        self.historyPage = QWidget()
        self.historyPage.setObjectName(u"historyPage")
        self.historyPageLayout = QVBoxLayout(self.historyPage)
        self.historyPageLayout.setObjectName(u"historyPageLayout")
        self.organisationRow = QHBoxLayout()
        self.organisationRow.setObjectName(u"organisationRow")
        self.organisationLabel = QLabel(self.historyPage)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.organisationRow.addWidget(self.organisationLabel)

        self.organisationChooser = QComboBox(self.historyPage)
        self.organisationChooser.setObjectName(u"organisationChooser")

        self.organisationRow.addWidget(self.organisationChooser)

        self.organisationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.organisationRow.addItem(self.organisationSpacer)


        self.historyPageLayout.addLayout(self.organisationRow)

        self.historyNote = QLabel(self.historyPage)
        self.historyNote.setObjectName(u"historyNote")
        self.historyNote.setWordWrap(True)
        self.historyNote.setTextFormat(Qt.TextFormat.PlainText)

        self.historyPageLayout.addWidget(self.historyNote)

        self.historySplitter = QSplitter(self.historyPage)
        self.historySplitter.setObjectName(u"historySplitter")
        self.historySplitter.setOrientation(Qt.Orientation.Vertical)
        self.historySplitter.setChildrenCollapsible(False)
        self.historyTable = QTableView(self.historySplitter)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSortingEnabled(True)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setTabKeyNavigation(False)
        self.historySplitter.addWidget(self.historyTable)
        self.newActionsPart = QWidget(self.historySplitter)
        self.newActionsPart.setObjectName(u"newActionsPart")
        self.newActionsLayout = QVBoxLayout(self.newActionsPart)
        self.newActionsLayout.setObjectName(u"newActionsLayout")
        self.newActionsLayout.setContentsMargins(0, 0, 0, 0)
        self.newActionsHeading = QLabel(self.newActionsPart)
        self.newActionsHeading.setObjectName(u"newActionsHeading")
        self.newActionsHeading.setWordWrap(True)
        self.newActionsHeading.setTextFormat(Qt.TextFormat.PlainText)

        self.newActionsLayout.addWidget(self.newActionsHeading)

        self.newActionsTable = QTableView(self.newActionsPart)
        self.newActionsTable.setObjectName(u"newActionsTable")
        self.newActionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.newActionsTable.setSortingEnabled(True)
        self.newActionsTable.setAlternatingRowColors(True)
        self.newActionsTable.setTabKeyNavigation(False)

        self.newActionsLayout.addWidget(self.newActionsTable)

        self.historySplitter.addWidget(self.newActionsPart)

        self.historyPageLayout.addWidget(self.historySplitter)

        self.statementTabs.addTab(self.historyPage, "")
        self.chasePage = QWidget()
        self.chasePage.setObjectName(u"chasePage")
        self.chasePageLayout = QVBoxLayout(self.chasePage)
        self.chasePageLayout.setObjectName(u"chasePageLayout")
        self.chaseSummary = QLabel(self.chasePage)
        self.chaseSummary.setObjectName(u"chaseSummary")
        self.chaseSummary.setWordWrap(True)
        self.chaseSummary.setTextFormat(Qt.TextFormat.PlainText)

        self.chasePageLayout.addWidget(self.chaseSummary)

        self.chaseTable = QTableView(self.chasePage)
        self.chaseTable.setObjectName(u"chaseTable")
        self.chaseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.chaseTable.setSortingEnabled(True)
        self.chaseTable.setAlternatingRowColors(True)
        self.chaseTable.setTabKeyNavigation(False)

        self.chasePageLayout.addWidget(self.chaseTable)

        self.chaseButtons = QHBoxLayout()
        self.chaseButtons.setObjectName(u"chaseButtons")
        self.copyEmailsButton = QPushButton(self.chasePage)
        self.copyEmailsButton.setObjectName(u"copyEmailsButton")

        self.chaseButtons.addWidget(self.copyEmailsButton)

        self.copyListButton = QPushButton(self.chasePage)
        self.copyListButton.setObjectName(u"copyListButton")

        self.chaseButtons.addWidget(self.copyListButton)

        self.chaseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chaseButtons.addItem(self.chaseSpacer)


        self.chasePageLayout.addLayout(self.chaseButtons)

        self.statementTabs.addTab(self.chasePage, "")

        self.statementLayout.addWidget(self.statementTabs)

        self.statementOutputs = QHBoxLayout()
        self.statementOutputs.setObjectName(u"statementOutputs")
        self.statementPdfButton = QPushButton(StatementFindings)
        self.statementPdfButton.setObjectName(u"statementPdfButton")

        self.statementOutputs.addWidget(self.statementPdfButton)

        self.statementXlsxButton = QPushButton(StatementFindings)
        self.statementXlsxButton.setObjectName(u"statementXlsxButton")

        self.statementOutputs.addWidget(self.statementXlsxButton)

        self.statementDocxButton = QPushButton(StatementFindings)
        self.statementDocxButton.setObjectName(u"statementDocxButton")

        self.statementOutputs.addWidget(self.statementDocxButton)

        self.statementOutputsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statementOutputs.addItem(self.statementOutputsSpacer)


        self.statementLayout.addLayout(self.statementOutputs)

#if QT_CONFIG(shortcut)
        self.organisationLabel.setBuddy(self.organisationChooser)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.statementTabs, self.confirmationTable)
        QWidget.setTabOrder(self.confirmationTable, self.declinesTable)
        QWidget.setTabOrder(self.declinesTable, self.progressTable)
        QWidget.setTabOrder(self.progressTable, self.organisationChooser)
        QWidget.setTabOrder(self.organisationChooser, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.newActionsTable)
        QWidget.setTabOrder(self.newActionsTable, self.chaseTable)
        QWidget.setTabOrder(self.chaseTable, self.copyEmailsButton)
        QWidget.setTabOrder(self.copyEmailsButton, self.copyListButton)
        QWidget.setTabOrder(self.copyListButton, self.statementPdfButton)
        QWidget.setTabOrder(self.statementPdfButton, self.statementXlsxButton)
        QWidget.setTabOrder(self.statementXlsxButton, self.statementDocxButton)

        self.retranslateUi(StatementFindings)
    # setupUi

    def retranslateUi(self, StatementFindings):
#if QT_CONFIG(accessibility)
        StatementFindings.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Statement findings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statementSummary.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Statement summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statementTabs.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Statement findings parts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.confirmationTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Organisations confirming each standard: still as at the baseline or improved", None))
#endif // QT_CONFIG(accessibility)
        self.declinesHeading.setText(QCoreApplication.translate("StatementFindings", u"Standards that declined: who said so, what changed, and the grade before and after", None))
#if QT_CONFIG(accessibility)
        self.declinesTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Standards that declined", None))
#endif // QT_CONFIG(accessibility)
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.standardsPage), QCoreApplication.translate("StatementFindings", u"&Standards and declines", None))
        self.progressSummary.setText("")
#if QT_CONFIG(accessibility)
        self.progressTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Progress of the baseline actions, overall and per standard", None))
#endif // QT_CONFIG(accessibility)
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.progressPage), QCoreApplication.translate("StatementFindings", u"Action pro&gress", None))
        self.organisationLabel.setText(QCoreApplication.translate("StatementFindings", u"Org&anisation:", None))
#if QT_CONFIG(accessibility)
        self.organisationChooser.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Organisation whose action history is shown", None))
#endif // QT_CONFIG(accessibility)
        self.historyNote.setText("")
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"The organisation's baseline actions and their progress in each statement", None))
#endif // QT_CONFIG(accessibility)
        self.newActionsHeading.setText(QCoreApplication.translate("StatementFindings", u"New actions in its statements", None))
#if QT_CONFIG(accessibility)
        self.newActionsTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"The organisation's new actions in its statements", None))
#endif // QT_CONFIG(accessibility)
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.historyPage), QCoreApplication.translate("StatementFindings", u"&By organisation", None))
        self.chaseSummary.setText("")
#if QT_CONFIG(accessibility)
        self.chaseTable.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Overdue actions to chase", None))
#endif // QT_CONFIG(accessibility)
        self.copyEmailsButton.setText(QCoreApplication.translate("StatementFindings", u"Copy &emails", None))
#if QT_CONFIG(accessibility)
        self.copyEmailsButton.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Copy the email addresses of the organisations with overdue actions", None))
#endif // QT_CONFIG(accessibility)
        self.copyListButton.setText(QCoreApplication.translate("StatementFindings", u"Cop&y list", None))
#if QT_CONFIG(accessibility)
        self.copyListButton.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Copy the list of overdue actions, to paste into an email or a spreadsheet", None))
#endif // QT_CONFIG(accessibility)
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.chasePage), QCoreApplication.translate("StatementFindings", u"Chase &list", None))
        self.statementPdfButton.setText(QCoreApplication.translate("StatementFindings", u"F&indings PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.statementPdfButton.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Write the statement findings as a PDF", None))
#endif // QT_CONFIG(accessibility)
        self.statementXlsxButton.setText(QCoreApplication.translate("StatementFindings", u"Findings &workbook\u2026", None))
#if QT_CONFIG(accessibility)
        self.statementXlsxButton.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Write the statement findings as an Excel workbook", None))
#endif // QT_CONFIG(accessibility)
        self.statementDocxButton.setText(QCoreApplication.translate("StatementFindings", u"Findings d&ocument\u2026", None))
#if QT_CONFIG(accessibility)
        self.statementDocxButton.setAccessibleName(QCoreApplication.translate("StatementFindings", u"Write the statement findings as an accessible Word document", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class StatementFindingsForm(QWidget, Ui_StatementFindings):
    """``forms/statement_findings.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
