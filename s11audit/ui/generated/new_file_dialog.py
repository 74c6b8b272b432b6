"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'new_file_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_NewFileDialog(object):
    def setupUi(self, NewFileDialog):
        if not NewFileDialog.objectName():
            NewFileDialog.setObjectName(u"NewFileDialog")
        NewFileDialog.resize(640, 470)
        self.pageLayout = QVBoxLayout(NewFileDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(NewFileDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(NewFileDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.organisationName = QLineEdit(NewFileDialog)
        self.organisationName.setObjectName(u"organisationName")
        self.organisationName.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organisationName)

        self.kindLabel = QLabel(NewFileDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(NewFileDialog)
        self.kind.setObjectName(u"kind")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kind.sizePolicy().hasHeightForWidth())
        self.kind.setSizePolicy(sizePolicy)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.typeLabel = QLabel(NewFileDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.organisationType = QComboBox(NewFileDialog)
        self.organisationType.setObjectName(u"organisationType")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisationType)

        self.referenceLabel = QLabel(NewFileDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.reference = QLineEdit(NewFileDialog)
        self.reference.setObjectName(u"reference")
        self.reference.setMaxLength(60)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reference)

        self.referenceHint = QLabel(NewFileDialog)
        self.referenceHint.setObjectName(u"referenceHint")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.referenceHint.sizePolicy().hasHeightForWidth())
        self.referenceHint.setSizePolicy(sizePolicy1)
        self.referenceHint.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referenceHint)

        self.contactNameLabel = QLabel(NewFileDialog)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contactNameLabel)

        self.contactName = QLineEdit(NewFileDialog)
        self.contactName.setObjectName(u"contactName")
        self.contactName.setMaxLength(200)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contactName)

        self.contactEmailLabel = QLabel(NewFileDialog)
        self.contactEmailLabel.setObjectName(u"contactEmailLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contactEmailLabel)

        self.contactEmail = QLineEdit(NewFileDialog)
        self.contactEmail.setObjectName(u"contactEmail")
        self.contactEmail.setMaxLength(200)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contactEmail)

        self.pathLabel = QLabel(NewFileDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.filePath = QLineEdit(NewFileDialog)
        self.filePath.setObjectName(u"filePath")

        self.pathRow.addWidget(self.filePath)

        self.browseButton = QPushButton(NewFileDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.pathRow.addWidget(self.browseButton)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.pageLayout.addLayout(self.formLayout)

        self.problem = QLabel(NewFileDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(NewFileDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.organisationName)
        self.kindLabel.setBuddy(self.kind)
        self.typeLabel.setBuddy(self.organisationType)
        self.referenceLabel.setBuddy(self.reference)
        self.contactNameLabel.setBuddy(self.contactName)
        self.contactEmailLabel.setBuddy(self.contactEmail)
        self.pathLabel.setBuddy(self.filePath)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.organisationName, self.kind)
        QWidget.setTabOrder(self.kind, self.organisationType)
        QWidget.setTabOrder(self.organisationType, self.reference)
        QWidget.setTabOrder(self.reference, self.contactName)
        QWidget.setTabOrder(self.contactName, self.contactEmail)
        QWidget.setTabOrder(self.contactEmail, self.filePath)
        QWidget.setTabOrder(self.filePath, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.buttons)

        self.retranslateUi(NewFileDialog)
    # setupUi

    def retranslateUi(self, NewFileDialog):
        NewFileDialog.setWindowTitle(QCoreApplication.translate("NewFileDialog", u"New audit file", None))
        self.intro.setText(QCoreApplication.translate("NewFileDialog", u"An audit file holds your organisation's audits, evidence and action plan. Keep it somewhere that is backed up, such as a shared drive your organisation uses.", None))
        self.nameLabel.setText(QCoreApplication.translate("NewFileDialog", u"Organisation &name:", None))
#if QT_CONFIG(accessibility)
        self.organisationName.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Organisation name", None))
#endif // QT_CONFIG(accessibility)
        self.organisationName.setPlaceholderText(QCoreApplication.translate("NewFileDialog", u"Required, for example St Aidan's CE Primary School", None))
        self.kindLabel.setText(QCoreApplication.translate("NewFileDialog", u"&Kind of organisation:", None))
#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Kind of organisation", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("NewFileDialog", u"&Type:", None))
#if QT_CONFIG(accessibility)
        self.organisationType.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Type of organisation", None))
#endif // QT_CONFIG(accessibility)
        self.referenceLabel.setText(QCoreApplication.translate("NewFileDialog", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.reference.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.contactNameLabel.setText(QCoreApplication.translate("NewFileDialog", u"&Contact name:", None))
#if QT_CONFIG(accessibility)
        self.contactName.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Contact name", None))
#endif // QT_CONFIG(accessibility)
        self.contactName.setPlaceholderText(QCoreApplication.translate("NewFileDialog", u"Who the partnership should contact about this audit", None))
        self.contactEmailLabel.setText(QCoreApplication.translate("NewFileDialog", u"Contact &email:", None))
#if QT_CONFIG(accessibility)
        self.contactEmail.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Contact email", None))
#endif // QT_CONFIG(accessibility)
        self.pathLabel.setText(QCoreApplication.translate("NewFileDialog", u"&Save the file as:", None))
#if QT_CONFIG(accessibility)
        self.filePath.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Where to save the audit file", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("NewFileDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"Browse for where to save the audit file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("NewFileDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class NewFileDialogForm(QWidget, Ui_NewFileDialog):
    """``forms/new_file_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
