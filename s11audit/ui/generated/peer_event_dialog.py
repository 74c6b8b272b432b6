"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'peer_event_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QSizePolicy, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_PeerEventDialog(object):
    def setupUi(self, PeerEventDialog):
        if not PeerEventDialog.objectName():
            PeerEventDialog.setObjectName(u"PeerEventDialog")
        PeerEventDialog.resize(760, 560)
        self.pageLayout = QVBoxLayout(PeerEventDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.eventNameLabel = QLabel(PeerEventDialog)
        self.eventNameLabel.setObjectName(u"eventNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.eventNameLabel)

        self.eventName = QLineEdit(PeerEventDialog)
        self.eventName.setObjectName(u"eventName")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.eventName)

        self.heldOnLabel = QLabel(PeerEventDialog)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOn = QDateEdit(PeerEventDialog)
        self.heldOn.setObjectName(u"heldOn")
        self.heldOn.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heldOn)

        self.startsAtLabel = QLabel(PeerEventDialog)
        self.startsAtLabel.setObjectName(u"startsAtLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startsAtLabel)

        self.startsAt = QTimeEdit(PeerEventDialog)
        self.startsAt.setObjectName(u"startsAt")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startsAt)

        self.slotLabel = QLabel(PeerEventDialog)
        self.slotLabel.setObjectName(u"slotLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.slotLabel)

        self.slotMinutes = QSpinBox(PeerEventDialog)
        self.slotMinutes.setObjectName(u"slotMinutes")
        self.slotMinutes.setMinimum(15)
        self.slotMinutes.setMaximum(480)
        self.slotMinutes.setSingleStep(15)
        self.slotMinutes.setValue(90)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.slotMinutes)


        self.pageLayout.addLayout(self.formLayout)

        self.lists = QHBoxLayout()
        self.lists.setObjectName(u"lists")
        self.focusColumn = QVBoxLayout()
        self.focusColumn.setObjectName(u"focusColumn")
        self.focusLabel = QLabel(PeerEventDialog)
        self.focusLabel.setObjectName(u"focusLabel")

        self.focusColumn.addWidget(self.focusLabel)

        self.focus = QListWidget(PeerEventDialog)
        self.focus.setObjectName(u"focus")

        self.focusColumn.addWidget(self.focus)


        self.lists.addLayout(self.focusColumn)

        self.agencyColumn = QVBoxLayout()
        self.agencyColumn.setObjectName(u"agencyColumn")
        self.agenciesLabel = QLabel(PeerEventDialog)
        self.agenciesLabel.setObjectName(u"agenciesLabel")

        self.agencyColumn.addWidget(self.agenciesLabel)

        self.agencies = QListWidget(PeerEventDialog)
        self.agencies.setObjectName(u"agencies")

        self.agencyColumn.addWidget(self.agencies)


        self.lists.addLayout(self.agencyColumn)


        self.pageLayout.addLayout(self.lists)

        self.problem = QLabel(PeerEventDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(PeerEventDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.eventNameLabel.setBuddy(self.eventName)
        self.heldOnLabel.setBuddy(self.heldOn)
        self.startsAtLabel.setBuddy(self.startsAt)
        self.slotLabel.setBuddy(self.slotMinutes)
        self.focusLabel.setBuddy(self.focus)
        self.agenciesLabel.setBuddy(self.agencies)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.eventName, self.heldOn)
        QWidget.setTabOrder(self.heldOn, self.startsAt)
        QWidget.setTabOrder(self.startsAt, self.slotMinutes)
        QWidget.setTabOrder(self.slotMinutes, self.focus)
        QWidget.setTabOrder(self.focus, self.agencies)
        QWidget.setTabOrder(self.agencies, self.buttons)

        self.retranslateUi(PeerEventDialog)
    # setupUi

    def retranslateUi(self, PeerEventDialog):
        PeerEventDialog.setWindowTitle(QCoreApplication.translate("PeerEventDialog", u"New peer audit event", None))
        self.eventNameLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.eventName.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Event name", None))
#endif // QT_CONFIG(accessibility)
        self.eventName.setPlaceholderText(QCoreApplication.translate("PeerEventDialog", u"For example Peer audit day, March 2027", None))
        self.heldOnLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&Date:", None))
#if QT_CONFIG(accessibility)
        self.heldOn.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Date of the event", None))
#endif // QT_CONFIG(accessibility)
        self.heldOn.setDisplayFormat(QCoreApplication.translate("PeerEventDialog", u"dd MMM yyyy", None))
        self.startsAtLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&First group starts at:", None))
#if QT_CONFIG(accessibility)
        self.startsAt.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Time the first group starts", None))
#endif // QT_CONFIG(accessibility)
        self.startsAt.setDisplayFormat(QCoreApplication.translate("PeerEventDialog", u"HH:mm", None))
        self.slotLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&Minutes per group:", None))
#if QT_CONFIG(accessibility)
        self.slotMinutes.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Minutes per group", None))
#endif // QT_CONFIG(accessibility)
        self.focusLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&Standards in focus:", None))
#if QT_CONFIG(accessibility)
        self.focus.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Standards in focus", None))
#endif // QT_CONFIG(accessibility)
        self.agenciesLabel.setText(QCoreApplication.translate("PeerEventDialog", u"&Agencies taking part:", None))
#if QT_CONFIG(accessibility)
        self.agencies.setAccessibleName(QCoreApplication.translate("PeerEventDialog", u"Agencies taking part", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("PeerEventDialog", u"error", None))
    # retranslateUi



class PeerEventDialogForm(QWidget, Ui_PeerEventDialog):
    """``forms/peer_event_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
