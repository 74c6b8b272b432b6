"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'action_progress_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ActionProgressDialog(object):
    def setupUi(self, ActionProgressDialog):
        if not ActionProgressDialog.objectName():
            ActionProgressDialog.setObjectName(u"ActionProgressDialog")
        ActionProgressDialog.resize(600, 480)
        self.pageLayout = QVBoxLayout(ActionProgressDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.actionText = QLabel(ActionProgressDialog)
        self.actionText.setObjectName(u"actionText")
        self.actionText.setWordWrap(True)

        self.pageLayout.addWidget(self.actionText)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.statusLabel = QLabel(ActionProgressDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(ActionProgressDialog)
        self.status.setObjectName(u"status")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status)

        self.noteLabel = QLabel(ActionProgressDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(ActionProgressDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.note)

        self.completedOnLabel = QLabel(ActionProgressDialog)
        self.completedOnLabel.setObjectName(u"completedOnLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.completedOnLabel)

        self.completedOn = QDateEdit(ActionProgressDialog)
        self.completedOn.setObjectName(u"completedOn")
        self.completedOn.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.completedOn)

        self.slipped = QCheckBox(ActionProgressDialog)
        self.slipped.setObjectName(u"slipped")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.slipped)

        self.newDueDate = QDateEdit(ActionProgressDialog)
        self.newDueDate.setObjectName(u"newDueDate")
        self.newDueDate.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newDueDate)

        self.droppedReasonLabel = QLabel(ActionProgressDialog)
        self.droppedReasonLabel.setObjectName(u"droppedReasonLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.droppedReasonLabel)

        self.droppedReason = QLineEdit(ActionProgressDialog)
        self.droppedReason.setObjectName(u"droppedReason")
        self.droppedReason.setMaxLength(1000)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.droppedReason)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(ActionProgressDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ActionProgressDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.status)
        self.noteLabel.setBuddy(self.note)
        self.completedOnLabel.setBuddy(self.completedOn)
        self.droppedReasonLabel.setBuddy(self.droppedReason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionProgressDialog)
    # setupUi

    def retranslateUi(self, ActionProgressDialog):
        ActionProgressDialog.setWindowTitle(QCoreApplication.translate("ActionProgressDialog", u"Action progress", None))
#if QT_CONFIG(accessibility)
        self.actionText.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"The action", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("ActionProgressDialog", u"&Status:", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ActionProgressDialog", u"Progress &note:", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"Progress note", None))
#endif // QT_CONFIG(accessibility)
        self.note.setPlaceholderText(QCoreApplication.translate("ActionProgressDialog", u"What has been done this year, or why it has not started", None))
        self.completedOnLabel.setText(QCoreApplication.translate("ActionProgressDialog", u"&Date completed:", None))
#if QT_CONFIG(accessibility)
        self.completedOn.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"Date completed", None))
#endif // QT_CONFIG(accessibility)
        self.completedOn.setDisplayFormat(QCoreApplication.translate("ActionProgressDialog", u"dd/MM/yyyy", None))
        self.slipped.setText(QCoreApplication.translate("ActionProgressDialog", u"It has slipped: ne&w due date:", None))
#if QT_CONFIG(accessibility)
        self.newDueDate.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"New due date", None))
#endif // QT_CONFIG(accessibility)
        self.newDueDate.setDisplayFormat(QCoreApplication.translate("ActionProgressDialog", u"dd/MM/yyyy", None))
        self.droppedReasonLabel.setText(QCoreApplication.translate("ActionProgressDialog", u"&Reason dropped:", None))
#if QT_CONFIG(accessibility)
        self.droppedReason.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"Reason dropped", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("ActionProgressDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class ActionProgressDialogForm(QWidget, Ui_ActionProgressDialog):
    """``forms/action_progress_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
