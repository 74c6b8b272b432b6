"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'sign_off_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QGridLayout,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SignOffDialog(object):
    def setupUi(self, SignOffDialog):
        if not SignOffDialog.objectName():
            SignOffDialog.setObjectName(u"SignOffDialog")
        SignOffDialog.resize(720, 520)
        self.pageLayout = QVBoxLayout(SignOffDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.declarationLabel = QLabel(SignOffDialog)
        self.declarationLabel.setObjectName(u"declarationLabel")

        self.pageLayout.addWidget(self.declarationLabel)

        self.declaration = QPlainTextEdit(SignOffDialog)
        self.declaration.setObjectName(u"declaration")
        self.declaration.setReadOnly(True)
        self.declaration.setTabChangesFocus(True)
        self.declaration.setMaximumSize(QSize(16777215, 200))

        self.pageLayout.addWidget(self.declaration)

        self.signatoriesLabel = QLabel(SignOffDialog)
        self.signatoriesLabel.setObjectName(u"signatoriesLabel")

        self.pageLayout.addWidget(self.signatoriesLabel)

        self.signatories = QWidget(SignOffDialog)
        self.signatories.setObjectName(u"signatories")
        self.signatoriesLayout = QGridLayout(self.signatories)
        self.signatoriesLayout.setObjectName(u"signatoriesLayout")
        self.signatoriesLayout.setContentsMargins(0, 0, 0, 0)

        self.pageLayout.addWidget(self.signatories)

        self.problem = QLabel(SignOffDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(SignOffDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.declarationLabel.setBuddy(self.declaration)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignOffDialog)
    # setupUi

    def retranslateUi(self, SignOffDialog):
        SignOffDialog.setWindowTitle(QCoreApplication.translate("SignOffDialog", u"Sign off the audit", None))
        self.declarationLabel.setText(QCoreApplication.translate("SignOffDialog", u"&Declaration:", None))
#if QT_CONFIG(accessibility)
        self.declaration.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Declaration", None))
#endif // QT_CONFIG(accessibility)
        self.signatoriesLabel.setText(QCoreApplication.translate("SignOffDialog", u"Signatories (roles marked * must sign):", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"What still blocks sign-off", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class SignOffDialogForm(QWidget, Ui_SignOffDialog):
    """``forms/sign_off_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
