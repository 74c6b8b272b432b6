"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'personal_data_notice.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFrame,
    QLabel, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PersonalDataNotice(object):
    def setupUi(self, PersonalDataNotice):
        if not PersonalDataNotice.objectName():
            PersonalDataNotice.setObjectName(u"PersonalDataNotice")
        PersonalDataNotice.resize(660, 590)
        self.pageLayout = QVBoxLayout(PersonalDataNotice)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.title = QLabel(PersonalDataNotice)
        self.title.setObjectName(u"title")

        self.pageLayout.addWidget(self.title)

        self.noticeScroll = QScrollArea(PersonalDataNotice)
        self.noticeScroll.setObjectName(u"noticeScroll")
        self.noticeScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.noticeScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.noticeScroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setSpacing(8)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(self.scrollContents)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.contentsLayout.addWidget(self.intro)

        self.notHeading = QLabel(self.scrollContents)
        self.notHeading.setObjectName(u"notHeading")

        self.contentsLayout.addWidget(self.notHeading)

        self.notList = QLabel(self.scrollContents)
        self.notList.setObjectName(u"notList")
        self.notList.setTextFormat(Qt.TextFormat.RichText)
        self.notList.setWordWrap(True)

        self.contentsLayout.addWidget(self.notList)

        self.redactHeading = QLabel(self.scrollContents)
        self.redactHeading.setObjectName(u"redactHeading")

        self.contentsLayout.addWidget(self.redactHeading)

        self.redactList = QLabel(self.scrollContents)
        self.redactList.setObjectName(u"redactList")
        self.redactList.setTextFormat(Qt.TextFormat.RichText)
        self.redactList.setWordWrap(True)

        self.contentsLayout.addWidget(self.redactList)

        self.stillAttach = QLabel(self.scrollContents)
        self.stillAttach.setObjectName(u"stillAttach")
        self.stillAttach.setWordWrap(True)

        self.contentsLayout.addWidget(self.stillAttach)

        self.contentsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.contentsSpacer)

        self.noticeScroll.setWidget(self.scrollContents)

        self.pageLayout.addWidget(self.noticeScroll)

        self.buttons = QDialogButtonBox(PersonalDataNotice)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

        QWidget.setTabOrder(self.buttons, self.noticeScroll)

        self.retranslateUi(PersonalDataNotice)
    # setupUi

    def retranslateUi(self, PersonalDataNotice):
        PersonalDataNotice.setWindowTitle(QCoreApplication.translate("PersonalDataNotice", u"Before you add evidence: personal data", None))
        self.title.setText(QCoreApplication.translate("PersonalDataNotice", u"Before you add evidence", None))
        self.title.setProperty(u"role", QCoreApplication.translate("PersonalDataNotice", u"title", None))
#if QT_CONFIG(accessibility)
        self.noticeScroll.setAccessibleName(QCoreApplication.translate("PersonalDataNotice", u"What not to attach and how to take personal details out", None))
#endif // QT_CONFIG(accessibility)
        self.intro.setText(QCoreApplication.translate("PersonalDataNotice", u"Evidence shows how your organisation keeps children safe; it should not show who the children are. Every file you add is kept in this audit file and can travel with your return to the safeguarding partnership.", None))
        self.notHeading.setText(QCoreApplication.translate("PersonalDataNotice", u"Do not attach", None))
        self.notHeading.setProperty(u"role", QCoreApplication.translate("PersonalDataNotice", u"heading", None))
        self.notList.setText(QCoreApplication.translate("PersonalDataNotice", u"<ul style=\"margin: 0\"><li>children's names, dates of birth, addresses, NHS numbers or unique pupil numbers</li><li>case details: case files, child protection or child in need plans, referrals, chronologies</li><li>health information about a child, a parent or a member of staff</li><li>staff personal records: DBS certificates, single central record extracts, training or supervision records with personal details</li></ul>", None))
        self.redactHeading.setText(QCoreApplication.translate("PersonalDataNotice", u"How to take personal details out", None))
        self.redactHeading.setProperty(u"role", QCoreApplication.translate("PersonalDataNotice", u"heading", None))
        self.redactList.setText(QCoreApplication.translate("PersonalDataNotice", u"<ul style=\"margin: 0\"><li>remove names, or use initials or \"Child A\"</li><li>crop out what is not needed</li><li>black out the details, then save it again as a new PDF, so the text under the black is gone (a box drawn on top can be lifted off)</li><li>attach a summary instead: how many cases were audited and what was found, not the cases</li></ul>", None))
        self.stillAttach.setText(QCoreApplication.translate("PersonalDataNotice", u"You can still attach a file that needs personal details: this is a reminder, not a rule. s11audit will ask you to look again at a file whose name or text seems to name a child. This notice is shown once for each audit; Help > User guide says more.", None))
        self.stillAttach.setProperty(u"role", QCoreApplication.translate("PersonalDataNotice", u"secondary", None))
    # retranslateUi



class PersonalDataNoticeForm(QWidget, Ui_PersonalDataNotice):
    """``forms/personal_data_notice.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
