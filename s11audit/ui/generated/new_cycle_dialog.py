"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'new_cycle_dialog.ui'
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
    QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_NewCycleDialog(object):
    def setupUi(self, NewCycleDialog):
        if not NewCycleDialog.objectName():
            NewCycleDialog.setObjectName(u"NewCycleDialog")
        NewCycleDialog.resize(560, 380)
        self.pageLayout = QVBoxLayout(NewCycleDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(NewCycleDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.cycleNameLabel = QLabel(NewCycleDialog)
        self.cycleNameLabel.setObjectName(u"cycleNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cycleNameLabel)

        self.cycleName = QLineEdit(NewCycleDialog)
        self.cycleName.setObjectName(u"cycleName")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cycleName)

        self.kindLabel = QLabel(NewCycleDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindLayout = QVBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.fullKind = QRadioButton(NewCycleDialog)
        self.fullKind.setObjectName(u"fullKind")
        self.fullKind.setChecked(True)

        self.kindLayout.addWidget(self.fullKind)

        self.statementKind = QRadioButton(NewCycleDialog)
        self.statementKind.setObjectName(u"statementKind")

        self.kindLayout.addWidget(self.statementKind)

        self.kindNote = QLabel(NewCycleDialog)
        self.kindNote.setObjectName(u"kindNote")
        self.kindNote.setWordWrap(True)

        self.kindLayout.addWidget(self.kindNote)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.kindLayout)

        self.baselineCycleLabel = QLabel(NewCycleDialog)
        self.baselineCycleLabel.setObjectName(u"baselineCycleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.baselineCycleLabel)

        self.baselineCycle = QComboBox(NewCycleDialog)
        self.baselineCycle.setObjectName(u"baselineCycle")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.baselineCycle)

        self.standardsSetLabel = QLabel(NewCycleDialog)
        self.standardsSetLabel.setObjectName(u"standardsSetLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.standardsSetLabel)

        self.standardsSetLayout = QVBoxLayout()
        self.standardsSetLayout.setObjectName(u"standardsSetLayout")
        self.standardsSet = QComboBox(NewCycleDialog)
        self.standardsSet.setObjectName(u"standardsSet")
        self.standardsSet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.standardsSetLayout.addWidget(self.standardsSet)

        self.setSource = QLabel(NewCycleDialog)
        self.setSource.setObjectName(u"setSource")
        self.setSource.setWordWrap(True)
        self.setSource.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.standardsSetLayout.addWidget(self.setSource)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.standardsSetLayout)

        self.opensOnLabel = QLabel(NewCycleDialog)
        self.opensOnLabel.setObjectName(u"opensOnLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.opensOnLabel)

        self.opensOn = QDateEdit(NewCycleDialog)
        self.opensOn.setObjectName(u"opensOn")
        self.opensOn.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.opensOn)

        self.dueOnLabel = QLabel(NewCycleDialog)
        self.dueOnLabel.setObjectName(u"dueOnLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dueOnLabel)

        self.dueOn = QDateEdit(NewCycleDialog)
        self.dueOn.setObjectName(u"dueOn")
        self.dueOn.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dueOn)

        self.previousCycleLabel = QLabel(NewCycleDialog)
        self.previousCycleLabel.setObjectName(u"previousCycleLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.previousCycleLabel)

        self.previousCycle = QComboBox(NewCycleDialog)
        self.previousCycle.setObjectName(u"previousCycle")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.previousCycle)

        self.copyRegister = QCheckBox(NewCycleDialog)
        self.copyRegister.setObjectName(u"copyRegister")
        self.copyRegister.setChecked(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.copyRegister)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(NewCycleDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(NewCycleDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.cycleNameLabel.setBuddy(self.cycleName)
        self.baselineCycleLabel.setBuddy(self.baselineCycle)
        self.standardsSetLabel.setBuddy(self.standardsSet)
        self.opensOnLabel.setBuddy(self.opensOn)
        self.dueOnLabel.setBuddy(self.dueOn)
        self.previousCycleLabel.setBuddy(self.previousCycle)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cycleName, self.fullKind)
        QWidget.setTabOrder(self.fullKind, self.statementKind)
        QWidget.setTabOrder(self.statementKind, self.baselineCycle)
        QWidget.setTabOrder(self.baselineCycle, self.standardsSet)
        QWidget.setTabOrder(self.standardsSet, self.opensOn)
        QWidget.setTabOrder(self.opensOn, self.dueOn)
        QWidget.setTabOrder(self.dueOn, self.previousCycle)
        QWidget.setTabOrder(self.previousCycle, self.copyRegister)
        QWidget.setTabOrder(self.copyRegister, self.buttons)

        self.retranslateUi(NewCycleDialog)
    # setupUi

    def retranslateUi(self, NewCycleDialog):
        NewCycleDialog.setWindowTitle(QCoreApplication.translate("NewCycleDialog", u"New audit cycle", None))
        self.explanation.setText(QCoreApplication.translate("NewCycleDialog", u"An audit cycle is one round of returns: which standards set organisations answer, and when returns are due.", None))
        self.cycleNameLabel.setText(QCoreApplication.translate("NewCycleDialog", u"Cycle &name:", None))
#if QT_CONFIG(accessibility)
        self.cycleName.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Cycle name", None))
#endif // QT_CONFIG(accessibility)
        self.cycleName.setPlaceholderText(QCoreApplication.translate("NewCycleDialog", u"For example Schools S175 2026/27", None))
        self.kindLabel.setText(QCoreApplication.translate("NewCycleDialog", u"Kind of cycle:", None))
        self.fullKind.setText(QCoreApplication.translate("NewCycleDialog", u"&Full audit: every standard graded, with an action plan", None))
#if QT_CONFIG(accessibility)
        self.fullKind.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Full audit cycle", None))
#endif // QT_CONFIG(accessibility)
        self.statementKind.setText(QCoreApplication.translate("NewCycleDialog", u"&Annual compliance statement: what changed since a full audit", None))
#if QT_CONFIG(accessibility)
        self.statementKind.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Annual compliance statement cycle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kindNote.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"About the kind of cycle", None))
#endif // QT_CONFIG(accessibility)
        self.kindNote.setProperty(u"role", QCoreApplication.translate("NewCycleDialog", u"secondary", None))
        self.baselineCycleLabel.setText(QCoreApplication.translate("NewCycleDialog", u"&Based on:", None))
#if QT_CONFIG(accessibility)
        self.baselineCycle.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Based on the full audit cycle", None))
#endif // QT_CONFIG(accessibility)
        self.standardsSetLabel.setText(QCoreApplication.translate("NewCycleDialog", u"&Standards set:", None))
#if QT_CONFIG(accessibility)
        self.standardsSet.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Standards set", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.setSource.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Where the standards set comes from", None))
#endif // QT_CONFIG(accessibility)
        self.opensOnLabel.setText(QCoreApplication.translate("NewCycleDialog", u"&Opens on:", None))
#if QT_CONFIG(accessibility)
        self.opensOn.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Opens on", None))
#endif // QT_CONFIG(accessibility)
        self.opensOn.setDisplayFormat(QCoreApplication.translate("NewCycleDialog", u"dd MMM yyyy", None))
        self.dueOnLabel.setText(QCoreApplication.translate("NewCycleDialog", u"&Due on:", None))
#if QT_CONFIG(accessibility)
        self.dueOn.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Returns due on", None))
#endif // QT_CONFIG(accessibility)
        self.dueOn.setDisplayFormat(QCoreApplication.translate("NewCycleDialog", u"dd MMM yyyy", None))
        self.previousCycleLabel.setText(QCoreApplication.translate("NewCycleDialog", u"&Previous cycle:", None))
#if QT_CONFIG(accessibility)
        self.previousCycle.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Previous cycle, for change since last time", None))
#endif // QT_CONFIG(accessibility)
        self.copyRegister.setText(QCoreApplication.translate("NewCycleDialog", u"&Copy its register of organisations into the new cycle", None))
#if QT_CONFIG(accessibility)
        self.copyRegister.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"Copy the previous cycle's register into the new cycle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("NewCycleDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("NewCycleDialog", u"error", None))
    # retranslateUi



class NewCycleDialogForm(QWidget, Ui_NewCycleDialog):
    """``forms/new_cycle_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
