"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(520, 220)
        self.pageLayout = QVBoxLayout(CrashDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headline = QLabel(CrashDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)
        font = QFont()
        font.setBold(True)
        self.headline.setFont(font)

        self.pageLayout.addWidget(self.headline)

        self.reassurance = QLabel(CrashDialog)
        self.reassurance.setObjectName(u"reassurance")
        self.reassurance.setWordWrap(True)

        self.pageLayout.addWidget(self.reassurance)

        self.logPlace = QLabel(CrashDialog)
        self.logPlace.setObjectName(u"logPlace")
        self.logPlace.setWordWrap(True)
        self.logPlace.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.pageLayout.addWidget(self.logPlace)

        self.repeats = QLabel(CrashDialog)
        self.repeats.setObjectName(u"repeats")

        self.pageLayout.addWidget(self.repeats)

        self.copied = QLabel(CrashDialog)
        self.copied.setObjectName(u"copied")
        self.copied.setWordWrap(True)

        self.pageLayout.addWidget(self.copied)

        self.buttons = QDialogButtonBox(CrashDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.pageLayout.addWidget(self.buttons)


        self.retranslateUi(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Something went wrong", None))
        self.headline.setText(QCoreApplication.translate("CrashDialog", u"Something went wrong inside s11audit, so what you just did may not have finished.", None))
#if QT_CONFIG(accessibility)
        self.headline.setAccessibleName(QCoreApplication.translate("CrashDialog", u"What happened", None))
#endif // QT_CONFIG(accessibility)
        self.reassurance.setText(QCoreApplication.translate("CrashDialog", u"Changes saved before this are kept, and you can carry on working. If the same thing happens again, use Copy details and send them with the log file to whoever supports s11audit for you.", None))
        self.logPlace.setText(QCoreApplication.translate("CrashDialog", u"The details are in the log:", None))
#if QT_CONFIG(accessibility)
        self.logPlace.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Where the log is", None))
#endif // QT_CONFIG(accessibility)
        self.repeats.setText("")
        self.repeats.setProperty(u"role", QCoreApplication.translate("CrashDialog", u"secondary", None))
#if QT_CONFIG(accessibility)
        self.repeats.setAccessibleName(QCoreApplication.translate("CrashDialog", u"How many times it happened", None))
#endif // QT_CONFIG(accessibility)
        self.copied.setText("")
        self.copied.setProperty(u"role", QCoreApplication.translate("CrashDialog", u"secondary", None))
    # retranslateUi



class CrashDialogForm(QWidget, Ui_CrashDialog):
    """``forms/crash_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
