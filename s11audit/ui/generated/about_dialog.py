"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialogButtonBox,
    QHeaderView, QLabel, QPlainTextEdit, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(760, 620)
        self.pageLayout = QVBoxLayout(AboutDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.title = QLabel(AboutDialog)
        self.title.setObjectName(u"title")

        self.pageLayout.addWidget(self.title)

        self.summary = QLabel(AboutDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.summary)

        self.offline = QLabel(AboutDialog)
        self.offline.setObjectName(u"offline")
        self.offline.setWordWrap(True)

        self.pageLayout.addWidget(self.offline)

        self.setsHeading = QLabel(AboutDialog)
        self.setsHeading.setObjectName(u"setsHeading")

        self.pageLayout.addWidget(self.setsHeading)

        self.setsTable = QTableView(AboutDialog)
        self.setsTable.setObjectName(u"setsTable")
        self.setsTable.setTabKeyNavigation(False)
        self.setsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setsTable.setAlternatingRowColors(True)
        self.setsTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.setsTable)

        self.placesHeading = QLabel(AboutDialog)
        self.placesHeading.setObjectName(u"placesHeading")

        self.pageLayout.addWidget(self.placesHeading)

        self.places = QLabel(AboutDialog)
        self.places.setObjectName(u"places")
        self.places.setWordWrap(True)
        self.places.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.places)

        self.fontsHeading = QLabel(AboutDialog)
        self.fontsHeading.setObjectName(u"fontsHeading")

        self.pageLayout.addWidget(self.fontsHeading)

        self.fonts = QLabel(AboutDialog)
        self.fonts.setObjectName(u"fonts")
        self.fonts.setWordWrap(True)

        self.pageLayout.addWidget(self.fonts)

        self.licences = QPlainTextEdit(AboutDialog)
        self.licences.setObjectName(u"licences")
        self.licences.setReadOnly(True)
        self.licences.setMaximumSize(QSize(16777215, 130))

        self.pageLayout.addWidget(self.licences)

        self.buttons = QDialogButtonBox(AboutDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.pageLayout.addWidget(self.buttons)


        self.retranslateUi(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About s11audit", None))
        self.title.setText(QCoreApplication.translate("AboutDialog", u"s11audit", None))
        self.title.setProperty(u"role", QCoreApplication.translate("AboutDialog", u"title", None))
        self.summary.setText("")
        self.offline.setText(QCoreApplication.translate("AboutDialog", u"Works offline: s11audit never uses the network. Your audit files stay on this computer or your organisation's drive until you send them yourself.", None))
        self.offline.setProperty(u"role", QCoreApplication.translate("AboutDialog", u"heading", None))
        self.setsHeading.setText(QCoreApplication.translate("AboutDialog", u"Standards sets loaded", None))
        self.setsHeading.setProperty(u"role", QCoreApplication.translate("AboutDialog", u"heading", None))
#if QT_CONFIG(accessibility)
        self.setsTable.setAccessibleName(QCoreApplication.translate("AboutDialog", u"Standards sets loaded", None))
#endif // QT_CONFIG(accessibility)
        self.placesHeading.setText(QCoreApplication.translate("AboutDialog", u"Where things are kept", None))
        self.placesHeading.setProperty(u"role", QCoreApplication.translate("AboutDialog", u"heading", None))
        self.places.setText("")
        self.fontsHeading.setText(QCoreApplication.translate("AboutDialog", u"Fonts included and their licences", None))
        self.fontsHeading.setProperty(u"role", QCoreApplication.translate("AboutDialog", u"heading", None))
        self.fonts.setText("")
#if QT_CONFIG(accessibility)
        self.licences.setAccessibleName(QCoreApplication.translate("AboutDialog", u"Font licences", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class AboutDialogForm(QWidget, Ui_AboutDialog):
    """``forms/about_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
