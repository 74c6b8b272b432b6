"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
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
    QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(640, 520)
        self.pageLayout = QVBoxLayout(ActionDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.standardLabel = QLabel(ActionDialog)
        self.standardLabel.setObjectName(u"standardLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.standardLabel)

        self.standard = QComboBox(ActionDialog)
        self.standard.setObjectName(u"standard")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.standard.sizePolicy().hasHeightForWidth())
        self.standard.setSizePolicy(sizePolicy)
        self.standard.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.standard.setMinimumContentsLength(30)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.standard)

        self.criterionLabel = QLabel(ActionDialog)
        self.criterionLabel.setObjectName(u"criterionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.criterionLabel)

        self.criterion = QComboBox(ActionDialog)
        self.criterion.setObjectName(u"criterion")
        sizePolicy.setHeightForWidth(self.criterion.sizePolicy().hasHeightForWidth())
        self.criterion.setSizePolicy(sizePolicy)
        self.criterion.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(30)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.criterion)

        self.descriptionLabel = QLabel(ActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.description = QPlainTextEdit(ActionDialog)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description)

        self.ownerLabel = QLabel(ActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QLineEdit(ActionDialog)
        self.owner.setObjectName(u"owner")
        self.owner.setMaxLength(200)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.owner)

        self.dueLabel = QLabel(ActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.dueDate = QDateEdit(ActionDialog)
        self.dueDate.setObjectName(u"dueDate")
        self.dueDate.setCalendarPopup(True)

        self.dueRow.addWidget(self.dueDate)

        self.noDueDate = QCheckBox(ActionDialog)
        self.noDueDate.setObjectName(u"noDueDate")

        self.dueRow.addWidget(self.noDueDate)

        self.dueSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueRow.addItem(self.dueSpacer)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dueRow)

        self.statusLabel = QLabel(ActionDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(ActionDialog)
        self.status.setObjectName(u"status")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)

        self.notesLabel = QLabel(ActionDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.progressNotes = QPlainTextEdit(ActionDialog)
        self.progressNotes.setObjectName(u"progressNotes")
        self.progressNotes.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.progressNotes)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(ActionDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ActionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.standardLabel.setBuddy(self.standard)
        self.criterionLabel.setBuddy(self.criterion)
        self.descriptionLabel.setBuddy(self.description)
        self.ownerLabel.setBuddy(self.owner)
        self.dueLabel.setBuddy(self.dueDate)
        self.statusLabel.setBuddy(self.status)
        self.notesLabel.setBuddy(self.progressNotes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.standard, self.criterion)
        QWidget.setTabOrder(self.criterion, self.description)
        QWidget.setTabOrder(self.description, self.owner)
        QWidget.setTabOrder(self.owner, self.dueDate)
        QWidget.setTabOrder(self.dueDate, self.noDueDate)
        QWidget.setTabOrder(self.noDueDate, self.status)
        QWidget.setTabOrder(self.status, self.progressNotes)
        QWidget.setTabOrder(self.progressNotes, self.buttons)

        self.retranslateUi(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Action", None))
        self.standardLabel.setText(QCoreApplication.translate("ActionDialog", u"&Standard:", None))
#if QT_CONFIG(accessibility)
        self.standard.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Standard", None))
#endif // QT_CONFIG(accessibility)
        self.criterionLabel.setText(QCoreApplication.translate("ActionDialog", u"C&riterion:", None))
#if QT_CONFIG(accessibility)
        self.criterion.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Criterion", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.criterion.setAccessibleDescription(QCoreApplication.translate("ActionDialog", u"The standard as a whole, or one of its criteria", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("ActionDialog", u"&Action:", None))
#if QT_CONFIG(accessibility)
        self.description.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Action", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.description.setAccessibleDescription(QCoreApplication.translate("ActionDialog", u"What will be done", None))
#endif // QT_CONFIG(accessibility)
        self.description.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"What will be done, for example: Run refresher training on early help for all class teachers", None))
        self.ownerLabel.setText(QCoreApplication.translate("ActionDialog", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.owner.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"Who is responsible, for example Deputy DSL", None))
        self.dueLabel.setText(QCoreApplication.translate("ActionDialog", u"&Due date:", None))
#if QT_CONFIG(accessibility)
        self.dueDate.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Due date", None))
#endif // QT_CONFIG(accessibility)
        self.dueDate.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd MMM yyyy", None))
        self.noDueDate.setText(QCoreApplication.translate("ActionDialog", u"No d&ue date", None))
#if QT_CONFIG(accessibility)
        self.noDueDate.setAccessibleName(QCoreApplication.translate("ActionDialog", u"No due date", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("ActionDialog", u"S&tatus:", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("ActionDialog", u"&Progress notes:", None))
#if QT_CONFIG(accessibility)
        self.progressNotes.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Progress notes", None))
#endif // QT_CONFIG(accessibility)
        self.progressNotes.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"What has been done so far, and any evidence of the difference it made", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("ActionDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class ActionDialogForm(QWidget, Ui_ActionDialog):
    """``forms/action_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
