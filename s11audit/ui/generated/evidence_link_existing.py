"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'evidence_link_existing.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QLabel, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_LinkExistingDialog(object):
    def setupUi(self, LinkExistingDialog):
        if not LinkExistingDialog.objectName():
            LinkExistingDialog.setObjectName(u"LinkExistingDialog")
        LinkExistingDialog.resize(640, 460)
        LinkExistingDialog.setModal(True)
        self.pageLayout = QVBoxLayout(LinkExistingDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(LinkExistingDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.files = QListView(LinkExistingDialog)
        self.files.setObjectName(u"files")
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.setWordWrap(True)

        self.pageLayout.addWidget(self.files)

        self.buttons = QDialogButtonBox(LinkExistingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)


        self.retranslateUi(LinkExistingDialog)
    # setupUi

    def retranslateUi(self, LinkExistingDialog):
        LinkExistingDialog.setWindowTitle(QCoreApplication.translate("LinkExistingDialog", u"Link existing evidence", None))
#if QT_CONFIG(accessibility)
        self.files.setAccessibleName(QCoreApplication.translate("LinkExistingDialog", u"Evidence files already in this audit", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class EvidenceLinkExistingForm(QDialog, Ui_LinkExistingDialog):
    """``forms/evidence_link_existing.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
