"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'user_name_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_UserNameDialog(object):
    def setupUi(self, UserNameDialog):
        if not UserNameDialog.objectName():
            UserNameDialog.setObjectName(u"UserNameDialog")
        UserNameDialog.resize(460, 180)
        self.pageLayout = QVBoxLayout(UserNameDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(UserNameDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(UserNameDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(UserNameDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.pageLayout.addLayout(self.formLayout)

        self.buttons = QDialogButtonBox(UserNameDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.buttons)

        self.retranslateUi(UserNameDialog)
    # setupUi

    def retranslateUi(self, UserNameDialog):
        UserNameDialog.setWindowTitle(QCoreApplication.translate("UserNameDialog", u"Your name", None))
        self.explanation.setText(QCoreApplication.translate("UserNameDialog", u"Your name is recorded in the audit trail beside each change, so the partnership can see who completed the audit. You will only be asked once.", None))
        self.nameLabel.setText(QCoreApplication.translate("UserNameDialog", u"Your &name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("UserNameDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("UserNameDialog", u"For example Priya Shah", None))
    # retranslateUi



class UserNameDialogForm(QWidget, Ui_UserNameDialog):
    """``forms/user_name_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
