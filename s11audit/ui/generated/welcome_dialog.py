"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
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
    QVBoxLayout, QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(720, 600)
        self.pageLayout = QVBoxLayout(WelcomeDialog)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.title = QLabel(WelcomeDialog)
        self.title.setObjectName(u"title")

        self.pageLayout.addWidget(self.title)

        self.intro = QLabel(WelcomeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.schoolHeading = QLabel(WelcomeDialog)
        self.schoolHeading.setObjectName(u"schoolHeading")

        self.pageLayout.addWidget(self.schoolHeading)

        self.schoolText = QLabel(WelcomeDialog)
        self.schoolText.setObjectName(u"schoolText")
        self.schoolText.setWordWrap(True)

        self.pageLayout.addWidget(self.schoolText)

        self.schoolButtons = QHBoxLayout()
        self.schoolButtons.setObjectName(u"schoolButtons")
        self.schoolNewButton = QPushButton(WelcomeDialog)
        self.schoolNewButton.setObjectName(u"schoolNewButton")

        self.schoolButtons.addWidget(self.schoolNewButton)

        self.schoolSampleButton = QPushButton(WelcomeDialog)
        self.schoolSampleButton.setObjectName(u"schoolSampleButton")

        self.schoolButtons.addWidget(self.schoolSampleButton)

        self.schoolSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.schoolButtons.addItem(self.schoolSpacer)


        self.pageLayout.addLayout(self.schoolButtons)

        self.agencyHeading = QLabel(WelcomeDialog)
        self.agencyHeading.setObjectName(u"agencyHeading")

        self.pageLayout.addWidget(self.agencyHeading)

        self.agencyText = QLabel(WelcomeDialog)
        self.agencyText.setObjectName(u"agencyText")
        self.agencyText.setWordWrap(True)

        self.pageLayout.addWidget(self.agencyText)

        self.agencyButtons = QHBoxLayout()
        self.agencyButtons.setObjectName(u"agencyButtons")
        self.agencyNewButton = QPushButton(WelcomeDialog)
        self.agencyNewButton.setObjectName(u"agencyNewButton")

        self.agencyButtons.addWidget(self.agencyNewButton)

        self.agencySampleButton = QPushButton(WelcomeDialog)
        self.agencySampleButton.setObjectName(u"agencySampleButton")

        self.agencyButtons.addWidget(self.agencySampleButton)

        self.agencySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agencyButtons.addItem(self.agencySpacer)


        self.pageLayout.addLayout(self.agencyButtons)

        self.unitHeading = QLabel(WelcomeDialog)
        self.unitHeading.setObjectName(u"unitHeading")

        self.pageLayout.addWidget(self.unitHeading)

        self.unitText = QLabel(WelcomeDialog)
        self.unitText.setObjectName(u"unitText")
        self.unitText.setWordWrap(True)

        self.pageLayout.addWidget(self.unitText)

        self.unitButtons = QHBoxLayout()
        self.unitButtons.setObjectName(u"unitButtons")
        self.workspaceButton = QPushButton(WelcomeDialog)
        self.workspaceButton.setObjectName(u"workspaceButton")

        self.unitButtons.addWidget(self.workspaceButton)

        self.unitSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitButtons.addItem(self.unitSpacer)


        self.pageLayout.addLayout(self.unitButtons)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

        self.footer = QLabel(WelcomeDialog)
        self.footer.setObjectName(u"footer")
        self.footer.setWordWrap(True)

        self.pageLayout.addWidget(self.footer)

        self.footerButtons = QHBoxLayout()
        self.footerButtons.setObjectName(u"footerButtons")
        self.guideButton = QPushButton(WelcomeDialog)
        self.guideButton.setObjectName(u"guideButton")

        self.footerButtons.addWidget(self.guideButton)

        self.buttons = QDialogButtonBox(WelcomeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.footerButtons.addWidget(self.buttons)


        self.pageLayout.addLayout(self.footerButtons)

        QWidget.setTabOrder(self.schoolNewButton, self.schoolSampleButton)
        QWidget.setTabOrder(self.schoolSampleButton, self.agencyNewButton)
        QWidget.setTabOrder(self.agencyNewButton, self.agencySampleButton)
        QWidget.setTabOrder(self.agencySampleButton, self.workspaceButton)
        QWidget.setTabOrder(self.workspaceButton, self.guideButton)
        QWidget.setTabOrder(self.guideButton, self.buttons)

        self.retranslateUi(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to s11audit", None))
        self.title.setText(QCoreApplication.translate("WelcomeDialog", u"Welcome to s11audit", None))
        self.title.setProperty(u"role", QCoreApplication.translate("WelcomeDialog", u"title", None))
        self.intro.setText(QCoreApplication.translate("WelcomeDialog", u"s11audit helps you check and evidence how your organisation meets its safeguarding duties to children, and helps your safeguarding children partnership collect the results. Everything stays on this computer or your organisation's drive: the app never uses the internet. Which of these are you?", None))
        self.schoolHeading.setText(QCoreApplication.translate("WelcomeDialog", u"I am a designated safeguarding lead in a school or college", None))
        self.schoolHeading.setProperty(u"role", QCoreApplication.translate("WelcomeDialog", u"heading", None))
        self.schoolText.setText(QCoreApplication.translate("WelcomeDialog", u"You complete the section 175/157 safeguarding audit, built on Keeping Children Safe in Education. Click New audit file\u2026, choose \"School or college\", then grade each section, add your evidence and plan your actions.", None))
        self.schoolNewButton.setText(QCoreApplication.translate("WelcomeDialog", u"&New audit file\u2026", None))
#if QT_CONFIG(accessibility)
        self.schoolNewButton.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"New audit file for a school or college", None))
#endif // QT_CONFIG(accessibility)
        self.schoolSampleButton.setText(QCoreApplication.translate("WelcomeDialog", u"Explore a sample &school audit", None))
#if QT_CONFIG(tooltip)
        self.schoolSampleButton.setToolTip(QCoreApplication.translate("WelcomeDialog", u"Opens a completed example audit for a primary school, to look around in before you start your own", None))
#endif // QT_CONFIG(tooltip)
        self.agencyHeading.setText(QCoreApplication.translate("WelcomeDialog", u"I am the safeguarding lead for an agency", None))
        self.agencyHeading.setProperty(u"role", QCoreApplication.translate("WelcomeDialog", u"heading", None))
        self.agencyText.setText(QCoreApplication.translate("WelcomeDialog", u"Health, police, the council, probation, youth justice or a voluntary organisation: you complete the section 11 return for your partnership. Click New audit file\u2026, choose \"Agency\", then work through the standards, sign off and export the return.", None))
        self.agencyNewButton.setText(QCoreApplication.translate("WelcomeDialog", u"New &audit file\u2026", None))
#if QT_CONFIG(accessibility)
        self.agencyNewButton.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"New audit file for an agency", None))
#endif // QT_CONFIG(accessibility)
        self.agencySampleButton.setText(QCoreApplication.translate("WelcomeDialog", u"Explore a sample a&gency audit", None))
#if QT_CONFIG(tooltip)
        self.agencySampleButton.setToolTip(QCoreApplication.translate("WelcomeDialog", u"Opens a completed example section 11 audit for an NHS trust, to look around in before you start your own", None))
#endif // QT_CONFIG(tooltip)
        self.unitHeading.setText(QCoreApplication.translate("WelcomeDialog", u"I work in the partnership's business unit", None))
        self.unitHeading.setProperty(u"role", QCoreApplication.translate("WelcomeDialog", u"heading", None))
        self.unitText.setText(QCoreApplication.translate("WelcomeDialog", u"You run the audit cycles: send out starting files, import the returns organisations send back, see who has not returned, and turn the returns into findings for the annual report. Click New business unit workspace\u2026, then New cycle\u2026.", None))
        self.workspaceButton.setText(QCoreApplication.translate("WelcomeDialog", u"New business unit &workspace\u2026", None))
        self.footer.setText(QCoreApplication.translate("WelcomeDialog", u"You can see this again from Help > Welcome. Help > User guide explains each step.", None))
        self.footer.setProperty(u"role", QCoreApplication.translate("WelcomeDialog", u"secondary", None))
        self.guideButton.setText(QCoreApplication.translate("WelcomeDialog", u"Read the &user guide", None))
    # retranslateUi



class WelcomeDialogForm(QWidget, Ui_WelcomeDialog):
    """``forms/welcome_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
