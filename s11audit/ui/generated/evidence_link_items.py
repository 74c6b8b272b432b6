"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'evidence_link_items.ui'
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
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTreeView, QVBoxLayout, QWidget)

class Ui_LinkItemsDialog(object):
    def setupUi(self, LinkItemsDialog):
        if not LinkItemsDialog.objectName():
            LinkItemsDialog.setObjectName(u"LinkItemsDialog")
        LinkItemsDialog.resize(640, 520)
        LinkItemsDialog.setModal(True)
        self.pageLayout = QVBoxLayout(LinkItemsDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(LinkItemsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.tree = QTreeView(LinkItemsDialog)
        self.tree.setObjectName(u"tree")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.header().setVisible(False)

        self.pageLayout.addWidget(self.tree)

        self.buttons = QDialogButtonBox(LinkItemsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)


        self.retranslateUi(LinkItemsDialog)
    # setupUi

    def retranslateUi(self, LinkItemsDialog):
        LinkItemsDialog.setWindowTitle(QCoreApplication.translate("LinkItemsDialog", u"Link evidence", None))
#if QT_CONFIG(accessibility)
        self.tree.setAccessibleName(QCoreApplication.translate("LinkItemsDialog", u"Standards and items this evidence is linked to", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class EvidenceLinkItemsForm(QDialog, Ui_LinkItemsDialog):
    """``forms/evidence_link_items.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
