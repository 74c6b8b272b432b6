"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'peer_recording.ui'
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
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_PeerRecording(object):
    def setupUi(self, PeerRecording):
        if not PeerRecording.objectName():
            PeerRecording.setObjectName(u"PeerRecording")
        PeerRecording.resize(1200, 800)
        self.pageLayout = QHBoxLayout(PeerRecording)
        self.pageLayout.setObjectName(u"pageLayout")
        self.listColumn = QVBoxLayout()
        self.listColumn.setObjectName(u"listColumn")
        self.rowsLabel = QLabel(PeerRecording)
        self.rowsLabel.setObjectName(u"rowsLabel")

        self.listColumn.addWidget(self.rowsLabel)

        self.rowsTable = QTableView(PeerRecording)
        self.rowsTable.setObjectName(u"rowsTable")
        self.rowsTable.setMinimumSize(QSize(680, 0))
        self.rowsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rowsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rowsTable.setTabKeyNavigation(False)

        self.listColumn.addWidget(self.rowsTable)

        self.savedLabel = QLabel(PeerRecording)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)

        self.listColumn.addWidget(self.savedLabel)


        self.pageLayout.addLayout(self.listColumn)

        self.editorColumn = QVBoxLayout()
        self.editorColumn.setObjectName(u"editorColumn")
        self.heading = QLabel(PeerRecording)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.editorColumn.addWidget(self.heading)

        self.selfGrade = QLabel(PeerRecording)
        self.selfGrade.setObjectName(u"selfGrade")
        self.selfGrade.setWordWrap(True)

        self.editorColumn.addWidget(self.selfGrade)

        self.businessUnitNote = QLabel(PeerRecording)
        self.businessUnitNote.setObjectName(u"businessUnitNote")
        self.businessUnitNote.setWordWrap(True)
        self.businessUnitNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorColumn.addWidget(self.businessUnitNote)

        self.notesLabel = QLabel(PeerRecording)
        self.notesLabel.setObjectName(u"notesLabel")

        self.editorColumn.addWidget(self.notesLabel)

        self.challengeNotes = QPlainTextEdit(PeerRecording)
        self.challengeNotes.setObjectName(u"challengeNotes")
        self.challengeNotes.setTabChangesFocus(True)

        self.editorColumn.addWidget(self.challengeNotes)

        self.outcomeRow = QHBoxLayout()
        self.outcomeRow.setObjectName(u"outcomeRow")
        self.outcomeLabel = QLabel(PeerRecording)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.outcomeRow.addWidget(self.outcomeLabel)

        self.outcome = QComboBox(PeerRecording)
        self.outcome.setObjectName(u"outcome")
        self.outcome.setMinimumSize(QSize(260, 0))

        self.outcomeRow.addWidget(self.outcome)

        self.outcomeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeRow.addItem(self.outcomeSpacer)


        self.editorColumn.addLayout(self.outcomeRow)

        self.recommendationsLabel = QLabel(PeerRecording)
        self.recommendationsLabel.setObjectName(u"recommendationsLabel")

        self.editorColumn.addWidget(self.recommendationsLabel)

        self.recommendations = QPlainTextEdit(PeerRecording)
        self.recommendations.setObjectName(u"recommendations")
        self.recommendations.setTabChangesFocus(True)
        self.recommendations.setMaximumSize(QSize(16777215, 130))

        self.editorColumn.addWidget(self.recommendations)

        self.actionsLabel = QLabel(PeerRecording)
        self.actionsLabel.setObjectName(u"actionsLabel")

        self.editorColumn.addWidget(self.actionsLabel)

        self.actionsTable = QTableWidget(PeerRecording)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setMaximumSize(QSize(16777215, 170))
        self.actionsTable.setTabKeyNavigation(False)

        self.editorColumn.addWidget(self.actionsTable)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.addActionButton = QPushButton(PeerRecording)
        self.addActionButton.setObjectName(u"addActionButton")

        self.actionButtons.addWidget(self.addActionButton)

        self.removeActionButton = QPushButton(PeerRecording)
        self.removeActionButton.setObjectName(u"removeActionButton")

        self.actionButtons.addWidget(self.removeActionButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionSpacer)

        self.problem = QLabel(PeerRecording)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.actionButtons.addWidget(self.problem)


        self.editorColumn.addLayout(self.actionButtons)


        self.pageLayout.addLayout(self.editorColumn)

#if QT_CONFIG(shortcut)
        self.rowsLabel.setBuddy(self.rowsTable)
        self.notesLabel.setBuddy(self.challengeNotes)
        self.outcomeLabel.setBuddy(self.outcome)
        self.recommendationsLabel.setBuddy(self.recommendations)
        self.actionsLabel.setBuddy(self.actionsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rowsTable, self.challengeNotes)
        QWidget.setTabOrder(self.challengeNotes, self.outcome)
        QWidget.setTabOrder(self.outcome, self.recommendations)
        QWidget.setTabOrder(self.recommendations, self.actionsTable)
        QWidget.setTabOrder(self.actionsTable, self.addActionButton)
        QWidget.setTabOrder(self.addActionButton, self.removeActionButton)

        self.retranslateUi(PeerRecording)
    # setupUi

    def retranslateUi(self, PeerRecording):
        PeerRecording.setWindowTitle(QCoreApplication.translate("PeerRecording", u"Record the peer audit", None))
        self.rowsLabel.setText(QCoreApplication.translate("PeerRecording", u"&Agencies and standards in this group:", None))
#if QT_CONFIG(accessibility)
        self.rowsTable.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Agencies and standards in this group", None))
#endif // QT_CONFIG(accessibility)
        self.savedLabel.setProperty(u"role", QCoreApplication.translate("PeerRecording", u"secondary", None))
        self.savedLabel.setText(QCoreApplication.translate("PeerRecording", u"Everything is saved as you type. Alt+Down and Alt+Up move to the next and previous row.", None))
        self.heading.setProperty(u"role", QCoreApplication.translate("PeerRecording", u"heading", None))
#if QT_CONFIG(accessibility)
        self.selfGrade.setAccessibleName(QCoreApplication.translate("PeerRecording", u"The agency's own grade", None))
#endif // QT_CONFIG(accessibility)
        self.businessUnitNote.setProperty(u"role", QCoreApplication.translate("PeerRecording", u"secondary", None))
#if QT_CONFIG(accessibility)
        self.businessUnitNote.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Note from the business unit", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("PeerRecording", u"&Challenge notes:", None))
#if QT_CONFIG(accessibility)
        self.challengeNotes.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Challenge notes", None))
#endif // QT_CONFIG(accessibility)
        self.challengeNotes.setPlaceholderText(QCoreApplication.translate("PeerRecording", u"Questions asked, evidence seen, what the group concluded", None))
        self.outcomeLabel.setText(QCoreApplication.translate("PeerRecording", u"Peer &outcome:", None))
#if QT_CONFIG(accessibility)
        self.outcome.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Peer outcome", None))
#endif // QT_CONFIG(accessibility)
        self.recommendationsLabel.setText(QCoreApplication.translate("PeerRecording", u"&Recommendations:", None))
#if QT_CONFIG(accessibility)
        self.recommendations.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Recommendations", None))
#endif // QT_CONFIG(accessibility)
        self.actionsLabel.setText(QCoreApplication.translate("PeerRecording", u"Agreed ac&tions (action, owner, due date as dd/mm/yyyy):", None))
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Agreed actions", None))
#endif // QT_CONFIG(accessibility)
        self.addActionButton.setText(QCoreApplication.translate("PeerRecording", u"A&dd action", None))
#if QT_CONFIG(accessibility)
        self.addActionButton.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Add an agreed action", None))
#endif // QT_CONFIG(accessibility)
        self.removeActionButton.setText(QCoreApplication.translate("PeerRecording", u"Remo&ve action", None))
#if QT_CONFIG(accessibility)
        self.removeActionButton.setAccessibleName(QCoreApplication.translate("PeerRecording", u"Remove the selected action", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("PeerRecording", u"error", None))
    # retranslateUi



class PeerRecordingForm(QWidget, Ui_PeerRecording):
    """``forms/peer_recording.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
