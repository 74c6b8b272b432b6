"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'business_unit_details_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_BusinessUnitDetailsDialog(object):
    def setupUi(self, BusinessUnitDetailsDialog):
        if not BusinessUnitDetailsDialog.objectName():
            BusinessUnitDetailsDialog.setObjectName(u"BusinessUnitDetailsDialog")
        BusinessUnitDetailsDialog.resize(520, 300)
        self.pageLayout = QVBoxLayout(BusinessUnitDetailsDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(BusinessUnitDetailsDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.unitNameLabel = QLabel(BusinessUnitDetailsDialog)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitNameLabel)

        self.unitName = QLineEdit(BusinessUnitDetailsDialog)
        self.unitName.setObjectName(u"unitName")
        self.unitName.setMaxLength(500)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitName)

        self.signatureLabel = QLabel(BusinessUnitDetailsDialog)
        self.signatureLabel.setObjectName(u"signatureLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signatureLabel)

        self.signature = QPlainTextEdit(BusinessUnitDetailsDialog)
        self.signature.setObjectName(u"signature")
        self.signature.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signature)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(BusinessUnitDetailsDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(BusinessUnitDetailsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.unitNameLabel.setBuddy(self.unitName)
        self.signatureLabel.setBuddy(self.signature)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unitName, self.signature)

        self.retranslateUi(BusinessUnitDetailsDialog)
    # setupUi

    def retranslateUi(self, BusinessUnitDetailsDialog):
        BusinessUnitDetailsDialog.setWindowTitle(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Business unit details", None))
        self.explanation.setText(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Your business unit's name heads and signs its letters and reports; the signature block is printed above it in feedback letters.", None))
        self.unitNameLabel.setText(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Business unit &name:", None))
#if QT_CONFIG(accessibility)
        self.unitName.setAccessibleName(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Business unit name", None))
#endif // QT_CONFIG(accessibility)
        self.unitName.setPlaceholderText(QCoreApplication.translate("BusinessUnitDetailsDialog", u"For example Stoke-on-Trent Safeguarding Children Partnership business unit", None))
        self.signatureLabel.setText(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Si&gnature block:", None))
#if QT_CONFIG(accessibility)
        self.signature.setAccessibleName(QCoreApplication.translate("BusinessUnitDetailsDialog", u"Signature block, a line each: name, role, contact", None))
#endif // QT_CONFIG(accessibility)
        self.signature.setPlaceholderText(QCoreApplication.translate("BusinessUnitDetailsDialog", u"A line each: name, role, contact", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("BusinessUnitDetailsDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("BusinessUnitDetailsDialog", u"error", None))
    # retranslateUi



class BusinessUnitDetailsDialogForm(QWidget, Ui_BusinessUnitDetailsDialog):
    """``forms/business_unit_details_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
