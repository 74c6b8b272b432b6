"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'organisation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_OrganisationDialog(object):
    def setupUi(self, OrganisationDialog):
        if not OrganisationDialog.objectName():
            OrganisationDialog.setObjectName(u"OrganisationDialog")
        OrganisationDialog.resize(520, 320)
        self.pageLayout = QVBoxLayout(OrganisationDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.orgNameLabel = QLabel(OrganisationDialog)
        self.orgNameLabel.setObjectName(u"orgNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.orgNameLabel)

        self.orgName = QLineEdit(OrganisationDialog)
        self.orgName.setObjectName(u"orgName")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.orgName)

        self.referenceLabel = QLabel(OrganisationDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.reference = QLineEdit(OrganisationDialog)
        self.reference.setObjectName(u"reference")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reference)

        self.orgTypeLabel = QLabel(OrganisationDialog)
        self.orgTypeLabel.setObjectName(u"orgTypeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.orgTypeLabel)

        self.orgType = QComboBox(OrganisationDialog)
        self.orgType.setObjectName(u"orgType")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.orgType)

        self.sectorLabel = QLabel(OrganisationDialog)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectorLabel)

        self.sector = QComboBox(OrganisationDialog)
        self.sector.setObjectName(u"sector")
        self.sector.setEditable(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sector)

        self.contactNameLabel = QLabel(OrganisationDialog)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contactNameLabel)

        self.contactName = QLineEdit(OrganisationDialog)
        self.contactName.setObjectName(u"contactName")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contactName)

        self.contactEmailLabel = QLabel(OrganisationDialog)
        self.contactEmailLabel.setObjectName(u"contactEmailLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contactEmailLabel)

        self.contactEmail = QLineEdit(OrganisationDialog)
        self.contactEmail.setObjectName(u"contactEmail")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contactEmail)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(OrganisationDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(OrganisationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.orgNameLabel.setBuddy(self.orgName)
        self.referenceLabel.setBuddy(self.reference)
        self.orgTypeLabel.setBuddy(self.orgType)
        self.sectorLabel.setBuddy(self.sector)
        self.contactNameLabel.setBuddy(self.contactName)
        self.contactEmailLabel.setBuddy(self.contactEmail)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.orgName, self.reference)
        QWidget.setTabOrder(self.reference, self.orgType)
        QWidget.setTabOrder(self.orgType, self.sector)
        QWidget.setTabOrder(self.sector, self.contactName)
        QWidget.setTabOrder(self.contactName, self.contactEmail)
        QWidget.setTabOrder(self.contactEmail, self.buttons)

        self.retranslateUi(OrganisationDialog)
    # setupUi

    def retranslateUi(self, OrganisationDialog):
        OrganisationDialog.setWindowTitle(QCoreApplication.translate("OrganisationDialog", u"Organisation", None))
        self.orgNameLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.orgName.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Organisation name", None))
#endif // QT_CONFIG(accessibility)
        self.referenceLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.reference.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Reference (URN, ODS code or your own)", None))
#endif // QT_CONFIG(accessibility)
        self.reference.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"URN, ODS code or your own reference", None))
        self.orgTypeLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Type:", None))
#if QT_CONFIG(accessibility)
        self.orgType.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Organisation type", None))
#endif // QT_CONFIG(accessibility)
        self.sectorLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Sector:", None))
#if QT_CONFIG(accessibility)
        self.sector.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Sector", None))
#endif // QT_CONFIG(accessibility)
        self.contactNameLabel.setText(QCoreApplication.translate("OrganisationDialog", u"&Contact name:", None))
#if QT_CONFIG(accessibility)
        self.contactName.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Contact name", None))
#endif // QT_CONFIG(accessibility)
        self.contactEmailLabel.setText(QCoreApplication.translate("OrganisationDialog", u"Contact &email:", None))
#if QT_CONFIG(accessibility)
        self.contactEmail.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"Contact email", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("OrganisationDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("OrganisationDialog", u"error", None))
    # retranslateUi



class OrganisationDialogForm(QWidget, Ui_OrganisationDialog):
    """``forms/organisation_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
