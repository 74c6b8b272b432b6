"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'statement_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_StatementView(object):
    def setupUi(self, StatementView):
        if not StatementView.objectName():
            StatementView.setObjectName(u"StatementView")
        StatementView.resize(1100, 720)
        self.pageLayout = QVBoxLayout(StatementView)
        self.pageLayout.setObjectName(u"pageLayout")
        self.statementHeading = QLabel(StatementView)
        self.statementHeading.setObjectName(u"statementHeading")
        self.statementHeading.setWordWrap(True)

        self.pageLayout.addWidget(self.statementHeading)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.statementTabs = QTabWidget(StatementView)
        self.statementTabs.setObjectName(u"statementTabs")
        self.standardsTab = QWidget()
        self.standardsTab.setObjectName(u"standardsTab")
        self.standardsLayout = QHBoxLayout(self.standardsTab)
        self.standardsLayout.setObjectName(u"standardsLayout")
        self.standardList = QListWidget(self.standardsTab)
        self.standardList.setObjectName(u"standardList")
        self.standardList.setMinimumSize(QSize(260, 0))
        self.standardList.setMaximumSize(QSize(360, 16777215))

        self.standardsLayout.addWidget(self.standardList)

        self.standardLayout = QVBoxLayout()
        self.standardLayout.setObjectName(u"standardLayout")
        self.standardTitle = QLabel(self.standardsTab)
        self.standardTitle.setObjectName(u"standardTitle")
        self.standardTitle.setWordWrap(True)

        self.standardLayout.addWidget(self.standardTitle)

        self.baselineBox = QGroupBox(self.standardsTab)
        self.baselineBox.setObjectName(u"baselineBox")
        self.baselineLayout = QVBoxLayout(self.baselineBox)
        self.baselineLayout.setObjectName(u"baselineLayout")
        self.baselineGrade = QLabel(self.baselineBox)
        self.baselineGrade.setObjectName(u"baselineGrade")

        self.baselineLayout.addWidget(self.baselineGrade)

        self.baselineNarrative = QPlainTextEdit(self.baselineBox)
        self.baselineNarrative.setObjectName(u"baselineNarrative")
        self.baselineNarrative.setReadOnly(True)
        self.baselineNarrative.setTabChangesFocus(True)

        self.baselineLayout.addWidget(self.baselineNarrative)


        self.standardLayout.addWidget(self.baselineBox)

        self.positionBox = QGroupBox(self.standardsTab)
        self.positionBox.setObjectName(u"positionBox")
        self.positionLayout = QVBoxLayout(self.positionBox)
        self.positionLayout.setObjectName(u"positionLayout")
        self.radioLayout = QHBoxLayout()
        self.radioLayout.setObjectName(u"radioLayout")
        self.sameButton = QRadioButton(self.positionBox)
        self.sameButton.setObjectName(u"sameButton")

        self.radioLayout.addWidget(self.sameButton)

        self.improvedButton = QRadioButton(self.positionBox)
        self.improvedButton.setObjectName(u"improvedButton")

        self.radioLayout.addWidget(self.improvedButton)

        self.declinedButton = QRadioButton(self.positionBox)
        self.declinedButton.setObjectName(u"declinedButton")

        self.radioLayout.addWidget(self.declinedButton)

        self.radioSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.radioLayout.addItem(self.radioSpacer)


        self.positionLayout.addLayout(self.radioLayout)

        self.whatChangedLabel = QLabel(self.positionBox)
        self.whatChangedLabel.setObjectName(u"whatChangedLabel")
        self.whatChangedLabel.setWordWrap(True)

        self.positionLayout.addWidget(self.whatChangedLabel)

        self.whatChanged = QPlainTextEdit(self.positionBox)
        self.whatChanged.setObjectName(u"whatChanged")
        self.whatChanged.setTabChangesFocus(True)

        self.positionLayout.addWidget(self.whatChanged)

        self.gradeLayout = QHBoxLayout()
        self.gradeLayout.setObjectName(u"gradeLayout")
        self.newGradeLabel = QLabel(self.positionBox)
        self.newGradeLabel.setObjectName(u"newGradeLabel")

        self.gradeLayout.addWidget(self.newGradeLabel)

        self.newGrade = QComboBox(self.positionBox)
        self.newGrade.setObjectName(u"newGrade")

        self.gradeLayout.addWidget(self.newGrade)

        self.gradeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.gradeLayout.addItem(self.gradeSpacer)


        self.positionLayout.addLayout(self.gradeLayout)


        self.standardLayout.addWidget(self.positionBox)

        self.newActionsBox = QGroupBox(self.standardsTab)
        self.newActionsBox.setObjectName(u"newActionsBox")
        self.newActionsLayout = QVBoxLayout(self.newActionsBox)
        self.newActionsLayout.setObjectName(u"newActionsLayout")
        self.newActions = QListWidget(self.newActionsBox)
        self.newActions.setObjectName(u"newActions")
        self.newActions.setMaximumSize(QSize(16777215, 110))

        self.newActionsLayout.addWidget(self.newActions)

        self.newActionButtons = QHBoxLayout()
        self.newActionButtons.setObjectName(u"newActionButtons")
        self.addActionButton = QPushButton(self.newActionsBox)
        self.addActionButton.setObjectName(u"addActionButton")

        self.newActionButtons.addWidget(self.addActionButton)

        self.newActionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.newActionButtons.addItem(self.newActionSpacer)


        self.newActionsLayout.addLayout(self.newActionButtons)


        self.standardLayout.addWidget(self.newActionsBox)


        self.standardsLayout.addLayout(self.standardLayout)

        self.statementTabs.addTab(self.standardsTab, "")
        self.actionsTab = QWidget()
        self.actionsTab.setObjectName(u"actionsTab")
        self.actionsLayout = QVBoxLayout(self.actionsTab)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsIntro = QLabel(self.actionsTab)
        self.actionsIntro.setObjectName(u"actionsIntro")
        self.actionsIntro.setWordWrap(True)

        self.actionsLayout.addWidget(self.actionsIntro)

        self.actionsTable = QTableWidget(self.actionsTab)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsTable.setTabKeyNavigation(False)
        self.actionsTable.setWordWrap(True)

        self.actionsLayout.addWidget(self.actionsTable)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.updateProgressButton = QPushButton(self.actionsTab)
        self.updateProgressButton.setObjectName(u"updateProgressButton")

        self.actionButtons.addWidget(self.updateProgressButton)

        self.addEvidenceButton = QPushButton(self.actionsTab)
        self.addEvidenceButton.setObjectName(u"addEvidenceButton")

        self.actionButtons.addWidget(self.addEvidenceButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionSpacer)


        self.actionsLayout.addLayout(self.actionButtons)

        self.statementTabs.addTab(self.actionsTab, "")

        self.bodyLayout.addWidget(self.statementTabs)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.stillToDoHolder = QWidget(StatementView)
        self.stillToDoHolder.setObjectName(u"stillToDoHolder")
        self.stillToDoHolder.setMinimumSize(QSize(280, 0))
        self.stillToDoHolder.setMaximumSize(QSize(380, 16777215))
        self.stillToDoLayout = QVBoxLayout(self.stillToDoHolder)
        self.stillToDoLayout.setObjectName(u"stillToDoLayout")
        self.stillToDoLayout.setContentsMargins(0, 0, 0, 0)

        self.sideLayout.addWidget(self.stillToDoHolder)

        self.signOffButton = QPushButton(StatementView)
        self.signOffButton.setObjectName(u"signOffButton")

        self.sideLayout.addWidget(self.signOffButton)

        self.exportButton = QPushButton(StatementView)
        self.exportButton.setObjectName(u"exportButton")

        self.sideLayout.addWidget(self.exportButton)


        self.bodyLayout.addLayout(self.sideLayout)


        self.pageLayout.addLayout(self.bodyLayout)

#if QT_CONFIG(shortcut)
        self.whatChangedLabel.setBuddy(self.whatChanged)
        self.newGradeLabel.setBuddy(self.newGrade)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatementView)
    # setupUi

    def retranslateUi(self, StatementView):
        StatementView.setWindowTitle(QCoreApplication.translate("StatementView", u"Annual compliance statement", None))
        self.statementHeading.setText(QCoreApplication.translate("StatementView", u"Annual compliance statement", None))
#if QT_CONFIG(accessibility)
        self.statementHeading.setAccessibleName(QCoreApplication.translate("StatementView", u"Statement", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statementTabs.setAccessibleName(QCoreApplication.translate("StatementView", u"Statement parts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.standardList.setAccessibleName(QCoreApplication.translate("StatementView", u"Standards", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.standardList.setAccessibleDescription(QCoreApplication.translate("StatementView", u"The standards graded in the baseline audit, with the baseline grade and your answer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.standardTitle.setAccessibleName(QCoreApplication.translate("StatementView", u"Standard", None))
#endif // QT_CONFIG(accessibility)
        self.baselineBox.setTitle(QCoreApplication.translate("StatementView", u"At the baseline audit (cannot be changed)", None))
#if QT_CONFIG(accessibility)
        self.baselineGrade.setAccessibleName(QCoreApplication.translate("StatementView", u"Baseline grade", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.baselineNarrative.setAccessibleName(QCoreApplication.translate("StatementView", u"Baseline narrative", None))
#endif // QT_CONFIG(accessibility)
        self.positionBox.setTitle(QCoreApplication.translate("StatementView", u"Since the baseline audit", None))
        self.sameButton.setText(QCoreApplication.translate("StatementView", u"S&till as at the baseline", None))
        self.improvedButton.setText(QCoreApplication.translate("StatementView", u"&Improved", None))
        self.declinedButton.setText(QCoreApplication.translate("StatementView", u"&Declined", None))
        self.whatChangedLabel.setText(QCoreApplication.translate("StatementView", u"&What changed:", None))
#if QT_CONFIG(accessibility)
        self.whatChanged.setAccessibleName(QCoreApplication.translate("StatementView", u"What changed", None))
#endif // QT_CONFIG(accessibility)
        self.whatChanged.setPlaceholderText(QCoreApplication.translate("StatementView", u"Needed when the standard improved or declined: what is different since the baseline audit", None))
        self.newGradeLabel.setText(QCoreApplication.translate("StatementView", u"New &grade (optional):", None))
#if QT_CONFIG(accessibility)
        self.newGrade.setAccessibleName(QCoreApplication.translate("StatementView", u"New grade (optional)", None))
#endif // QT_CONFIG(accessibility)
        self.newActionsBox.setTitle(QCoreApplication.translate("StatementView", u"New actions for this standard", None))
#if QT_CONFIG(accessibility)
        self.newActions.setAccessibleName(QCoreApplication.translate("StatementView", u"New actions for this standard", None))
#endif // QT_CONFIG(accessibility)
        self.addActionButton.setText(QCoreApplication.translate("StatementView", u"Add a&ction\u2026", None))
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.standardsTab), QCoreApplication.translate("StatementView", u"&Standards", None))
        self.actionsIntro.setText(QCoreApplication.translate("StatementView", u"The actions of the baseline audit that were still open. Give each one's progress this year.", None))
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("StatementView", u"Baseline actions", None))
#endif // QT_CONFIG(accessibility)
        self.updateProgressButton.setText(QCoreApplication.translate("StatementView", u"&Update progress\u2026", None))
        self.addEvidenceButton.setText(QCoreApplication.translate("StatementView", u"Add evidence of c&ompletion\u2026", None))
        self.statementTabs.setTabText(self.statementTabs.indexOf(self.actionsTab), QCoreApplication.translate("StatementView", u"&Baseline actions", None))
        self.signOffButton.setText(QCoreApplication.translate("StatementView", u"Sig&n off\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("StatementView", u"E&xport statement\u2026", None))
    # retranslateUi



class StatementViewForm(QWidget, Ui_StatementView):
    """``forms/statement_view.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
