"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'new_audit_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewAuditDialog(object):
    def setupUi(self, NewAuditDialog):
        if not NewAuditDialog.objectName():
            NewAuditDialog.setObjectName(u"NewAuditDialog")
        NewAuditDialog.resize(700, 500)
        self.pageLayout = QVBoxLayout(NewAuditDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(NewAuditDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.intro)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setLabel = QLabel(NewAuditDialog)
        self.setLabel.setObjectName(u"setLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.setLabel)

        self.standardsSet = QComboBox(NewAuditDialog)
        self.standardsSet.setObjectName(u"standardsSet")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.standardsSet.sizePolicy().hasHeightForWidth())
        self.standardsSet.setSizePolicy(sizePolicy)
        self.standardsSet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.standardsSet.setMinimumContentsLength(30)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.standardsSet)

        self.setDetails = QPlainTextEdit(NewAuditDialog)
        self.setDetails.setObjectName(u"setDetails")
        self.setDetails.setMinimumSize(QSize(0, 190))
        self.setDetails.setReadOnly(True)
        self.setDetails.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.setDetails)

        self.cycleLabel = QLabel(NewAuditDialog)
        self.cycleLabel.setObjectName(u"cycleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cycleLabel)

        self.cycle = QComboBox(NewAuditDialog)
        self.cycle.setObjectName(u"cycle")
        self.cycle.setEditable(True)
        self.cycle.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cycle)

        self.cycleHint = QLabel(NewAuditDialog)
        self.cycleHint.setObjectName(u"cycleHint")
        self.cycleHint.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cycleHint)

        self.carryForward = QCheckBox(NewAuditDialog)
        self.carryForward.setObjectName(u"carryForward")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.carryForward)

        self.carryFrom = QComboBox(NewAuditDialog)
        self.carryFrom.setObjectName(u"carryFrom")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.carryFrom)

        self.carryForwardHint = QLabel(NewAuditDialog)
        self.carryForwardHint.setObjectName(u"carryForwardHint")
        self.carryForwardHint.setWordWrap(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.carryForwardHint)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(NewAuditDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(NewAuditDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.setLabel.setBuddy(self.standardsSet)
        self.cycleLabel.setBuddy(self.cycle)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.standardsSet, self.setDetails)
        QWidget.setTabOrder(self.setDetails, self.cycle)
        QWidget.setTabOrder(self.cycle, self.carryForward)
        QWidget.setTabOrder(self.carryForward, self.carryFrom)
        QWidget.setTabOrder(self.carryFrom, self.buttons)

        self.retranslateUi(NewAuditDialog)
    # setupUi

    def retranslateUi(self, NewAuditDialog):
        NewAuditDialog.setWindowTitle(QCoreApplication.translate("NewAuditDialog", u"Start a new audit", None))
        self.setLabel.setText(QCoreApplication.translate("NewAuditDialog", u"&Standards set:", None))
#if QT_CONFIG(accessibility)
        self.standardsSet.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"Standards set", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.setDetails.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"About the standards set", None))
#endif // QT_CONFIG(accessibility)
        self.cycleLabel.setText(QCoreApplication.translate("NewAuditDialog", u"Audit &cycle:", None))
#if QT_CONFIG(accessibility)
        self.cycle.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"Audit cycle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cycle.setAccessibleDescription(QCoreApplication.translate("NewAuditDialog", u"The year the audit covers, for example 2026/27", None))
#endif // QT_CONFIG(accessibility)
        self.cycleHint.setText(QCoreApplication.translate("NewAuditDialog", u"Usually the academic year, written as the partnership does (for example 2026/27).", None))
        self.carryForward.setText(QCoreApplication.translate("NewAuditDialog", u"Carry forward from an earlier audit", None))
#if QT_CONFIG(accessibility)
        self.carryForward.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"Carry forward from an earlier audit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.carryFrom.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"Earlier audit to carry forward from", None))
#endif // QT_CONFIG(accessibility)
        self.carryForwardHint.setText(QCoreApplication.translate("NewAuditDialog", u"Its grades, narratives, examples, item answers, evidence files and open actions are copied into the new audit for you to update. Complete actions are not carried, and anything that does not fit the chosen standards set is left out and listed.", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("NewAuditDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class NewAuditDialogForm(QWidget, Ui_NewAuditDialog):
    """``forms/new_audit_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
