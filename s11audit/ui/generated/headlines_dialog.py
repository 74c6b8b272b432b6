"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'headlines_dialog.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_HeadlinesDialog(object):
    def setupUi(self, HeadlinesDialog):
        if not HeadlinesDialog.objectName():
            HeadlinesDialog.setObjectName(u"HeadlinesDialog")
        HeadlinesDialog.resize(760, 560)
        self.pageLayout = QVBoxLayout(HeadlinesDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(HeadlinesDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.listRow = QHBoxLayout()
        self.listRow.setObjectName(u"listRow")
        self.measureList = QListView(HeadlinesDialog)
        self.measureList.setObjectName(u"measureList")
        self.measureList.setAlternatingRowColors(True)
        self.measureList.setUniformItemSizes(True)

        self.listRow.addWidget(self.measureList)

        self.moveButtons = QVBoxLayout()
        self.moveButtons.setObjectName(u"moveButtons")
        self.upButton = QPushButton(HeadlinesDialog)
        self.upButton.setObjectName(u"upButton")

        self.moveButtons.addWidget(self.upButton)

        self.downButton = QPushButton(HeadlinesDialog)
        self.downButton.setObjectName(u"downButton")

        self.moveButtons.addWidget(self.downButton)

        self.defaultsButton = QPushButton(HeadlinesDialog)
        self.defaultsButton.setObjectName(u"defaultsButton")

        self.moveButtons.addWidget(self.defaultsButton)

        self.moveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moveButtons.addItem(self.moveSpacer)


        self.listRow.addLayout(self.moveButtons)


        self.pageLayout.addLayout(self.listRow)

        self.wordingLayout = QFormLayout()
        self.wordingLayout.setObjectName(u"wordingLayout")
        self.wordingLabel = QLabel(HeadlinesDialog)
        self.wordingLabel.setObjectName(u"wordingLabel")

        self.wordingLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.wordingLabel)

        self.wording = QLineEdit(HeadlinesDialog)
        self.wording.setObjectName(u"wording")
        self.wording.setMaxLength(500)

        self.wordingLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.wording)


        self.pageLayout.addLayout(self.wordingLayout)

        self.problem = QLabel(HeadlinesDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(HeadlinesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.wordingLabel.setBuddy(self.wording)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.measureList, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.defaultsButton)
        QWidget.setTabOrder(self.defaultsButton, self.wording)

        self.retranslateUi(HeadlinesDialog)
    # setupUi

    def retranslateUi(self, HeadlinesDialog):
        HeadlinesDialog.setWindowTitle(QCoreApplication.translate("HeadlinesDialog", u"Headline measures", None))
        self.explanation.setText(QCoreApplication.translate("HeadlinesDialog", u"Tick the measures the annual report summary gives, each as a sentence with last cycle's figure. Ticked measures come first, in the order shown: move the selected one with Move up and Move down.", None))
#if QT_CONFIG(accessibility)
        self.measureList.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"Headline measures: ticked ones are in the summary", None))
#endif // QT_CONFIG(accessibility)
        self.upButton.setText(QCoreApplication.translate("HeadlinesDialog", u"Move &up", None))
#if QT_CONFIG(accessibility)
        self.upButton.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"Move the selected measure up", None))
#endif // QT_CONFIG(accessibility)
        self.downButton.setText(QCoreApplication.translate("HeadlinesDialog", u"Move &down", None))
#if QT_CONFIG(accessibility)
        self.downButton.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"Move the selected measure down", None))
#endif // QT_CONFIG(accessibility)
        self.defaultsButton.setText(QCoreApplication.translate("HeadlinesDialog", u"&The set's defaults", None))
#if QT_CONFIG(accessibility)
        self.defaultsButton.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"Tick the standards set's default measures only", None))
#endif // QT_CONFIG(accessibility)
        self.wordingLabel.setText(QCoreApplication.translate("HeadlinesDialog", u"&Wording:", None))
#if QT_CONFIG(accessibility)
        self.wording.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"Your own words for the selected measure", None))
#endif // QT_CONFIG(accessibility)
        self.wording.setPlaceholderText(QCoreApplication.translate("HeadlinesDialog", u"Optional, after \u201c91% of returning settings\u201d: for example have accessed early help training", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("HeadlinesDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("HeadlinesDialog", u"error", None))
    # retranslateUi



class HeadlinesDialogForm(QWidget, Ui_HeadlinesDialog):
    """``forms/headlines_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
