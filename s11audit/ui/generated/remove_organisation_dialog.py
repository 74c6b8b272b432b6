"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'remove_organisation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialogButtonBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RemoveOrganisationDialog(object):
    def setupUi(self, RemoveOrganisationDialog):
        if not RemoveOrganisationDialog.objectName():
            RemoveOrganisationDialog.setObjectName(u"RemoveOrganisationDialog")
        RemoveOrganisationDialog.resize(600, 340)
        self.pageLayout = QVBoxLayout(RemoveOrganisationDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.question = QLabel(RemoveOrganisationDialog)
        self.question.setObjectName(u"question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.question)

        self.deleteReturns = QCheckBox(RemoveOrganisationDialog)
        self.deleteReturns.setObjectName(u"deleteReturns")

        self.pageLayout.addWidget(self.deleteReturns)

        self.figures = QLabel(RemoveOrganisationDialog)
        self.figures.setObjectName(u"figures")
        self.figures.setWordWrap(True)

        self.pageLayout.addWidget(self.figures)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(RemoveOrganisationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)


        self.retranslateUi(RemoveOrganisationDialog)
    # setupUi

    def retranslateUi(self, RemoveOrganisationDialog):
        RemoveOrganisationDialog.setWindowTitle(QCoreApplication.translate("RemoveOrganisationDialog", u"Remove from the register", None))
#if QT_CONFIG(accessibility)
        self.question.setAccessibleName(QCoreApplication.translate("RemoveOrganisationDialog", u"Organisations to remove", None))
#endif // QT_CONFIG(accessibility)
        self.deleteReturns.setText(QCoreApplication.translate("RemoveOrganisationDialog", u"&Also delete their returns completely", None))
#if QT_CONFIG(accessibility)
        self.deleteReturns.setAccessibleName(QCoreApplication.translate("RemoveOrganisationDialog", u"Also delete their returns, evidence and moderation completely", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.figures.setAccessibleName(QCoreApplication.translate("RemoveOrganisationDialog", u"What is deleted", None))
#endif // QT_CONFIG(accessibility)
        self.figures.setProperty(u"role", QCoreApplication.translate("RemoveOrganisationDialog", u"secondary", None))
    # retranslateUi



class RemoveOrganisationDialogForm(QWidget, Ui_RemoveOrganisationDialog):
    """``forms/remove_organisation_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
