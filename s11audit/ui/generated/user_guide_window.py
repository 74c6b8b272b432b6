"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'user_guide_window.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_UserGuideWindow(object):
    def setupUi(self, UserGuideWindow):
        if not UserGuideWindow.objectName():
            UserGuideWindow.setObjectName(u"UserGuideWindow")
        UserGuideWindow.resize(860, 720)
        self.pageLayout = QVBoxLayout(UserGuideWindow)
        self.pageLayout.setObjectName(u"pageLayout")
        self.navigation = QHBoxLayout()
        self.navigation.setObjectName(u"navigation")
        self.backButton = QPushButton(UserGuideWindow)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setEnabled(False)

        self.navigation.addWidget(self.backButton)

        self.contentsButton = QPushButton(UserGuideWindow)
        self.contentsButton.setObjectName(u"contentsButton")

        self.navigation.addWidget(self.contentsButton)

        self.linkNote = QLabel(UserGuideWindow)
        self.linkNote.setObjectName(u"linkNote")
        self.linkNote.setWordWrap(True)
        self.linkNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.navigation.addWidget(self.linkNote)

        self.navigationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navigation.addItem(self.navigationSpacer)


        self.pageLayout.addLayout(self.navigation)

        self.browser = QTextBrowser(UserGuideWindow)
        self.browser.setObjectName(u"browser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)

        self.pageLayout.addWidget(self.browser)

        self.buttons = QDialogButtonBox(UserGuideWindow)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.pageLayout.addWidget(self.buttons)

        QWidget.setTabOrder(self.browser, self.backButton)
        QWidget.setTabOrder(self.backButton, self.contentsButton)
        QWidget.setTabOrder(self.contentsButton, self.buttons)

        self.retranslateUi(UserGuideWindow)
    # setupUi

    def retranslateUi(self, UserGuideWindow):
        UserGuideWindow.setWindowTitle(QCoreApplication.translate("UserGuideWindow", u"s11audit user guide", None))
        self.backButton.setText(QCoreApplication.translate("UserGuideWindow", u"&Back", None))
        self.contentsButton.setText(QCoreApplication.translate("UserGuideWindow", u"&Contents", None))
        self.linkNote.setText("")
        self.linkNote.setProperty(u"role", QCoreApplication.translate("UserGuideWindow", u"secondary", None))
#if QT_CONFIG(accessibility)
        self.browser.setAccessibleName(QCoreApplication.translate("UserGuideWindow", u"User guide", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class UserGuideWindowForm(QWidget, Ui_UserGuideWindow):
    """``forms/user_guide_window.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
