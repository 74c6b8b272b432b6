"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'start_screen.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QLabel, QListView, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_StartScreen(object):
    def setupUi(self, StartScreen):
        if not StartScreen.objectName():
            StartScreen.setObjectName(u"StartScreen")
        StartScreen.resize(900, 640)
        self.outerLayout = QHBoxLayout(StartScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(24, 24, 24, 24)
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.leftSpacer)

        self.column = QWidget(StartScreen)
        self.column.setObjectName(u"column")
        self.column.setMinimumSize(QSize(520, 0))
        self.column.setMaximumSize(QSize(780, 16777215))
        self.columnLayout = QVBoxLayout(self.column)
        self.columnLayout.setSpacing(14)
        self.columnLayout.setObjectName(u"columnLayout")
        self.titleLabel = QLabel(self.column)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.titleLabel)

        self.welcomeLabel = QLabel(self.column)
        self.welcomeLabel.setObjectName(u"welcomeLabel")
        self.welcomeLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.welcomeLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(12)
        self.buttonRow.setObjectName(u"buttonRow")
        self.newFileButton = QPushButton(self.column)
        self.newFileButton.setObjectName(u"newFileButton")

        self.buttonRow.addWidget(self.newFileButton)

        self.openFileButton = QPushButton(self.column)
        self.openFileButton.setObjectName(u"openFileButton")

        self.buttonRow.addWidget(self.openFileButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.columnLayout.addLayout(self.buttonRow)

        self.skippedBox = QFrame(self.column)
        self.skippedBox.setObjectName(u"skippedBox")
        self.skippedBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.skippedLayout = QVBoxLayout(self.skippedBox)
        self.skippedLayout.setObjectName(u"skippedLayout")
        self.skippedTitle = QLabel(self.skippedBox)
        self.skippedTitle.setObjectName(u"skippedTitle")

        self.skippedLayout.addWidget(self.skippedTitle)

        self.skippedText = QLabel(self.skippedBox)
        self.skippedText.setObjectName(u"skippedText")
        self.skippedText.setWordWrap(True)
        self.skippedText.setTextFormat(Qt.TextFormat.PlainText)
        self.skippedText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.skippedLayout.addWidget(self.skippedText)


        self.columnLayout.addWidget(self.skippedBox)

        self.recentLabel = QLabel(self.column)
        self.recentLabel.setObjectName(u"recentLabel")

        self.columnLayout.addWidget(self.recentLabel)

        self.recentList = QListView(self.column)
        self.recentList.setObjectName(u"recentList")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.recentList.sizePolicy().hasHeightForWidth())
        self.recentList.setSizePolicy(sizePolicy)
        self.recentList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recentList.setAlternatingRowColors(True)
        self.recentList.setUniformItemSizes(True)
        self.recentList.setTextElideMode(Qt.TextElideMode.ElideMiddle)

        self.columnLayout.addWidget(self.recentList)

        self.recentEmpty = QLabel(self.column)
        self.recentEmpty.setObjectName(u"recentEmpty")
        self.recentEmpty.setWordWrap(True)

        self.columnLayout.addWidget(self.recentEmpty)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.bottomSpacer)


        self.outerLayout.addWidget(self.column)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.rightSpacer)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newFileButton, self.openFileButton)
        QWidget.setTabOrder(self.openFileButton, self.skippedText)
        QWidget.setTabOrder(self.skippedText, self.recentList)

        self.retranslateUi(StartScreen)

        self.newFileButton.setDefault(True)

    # setupUi

    def retranslateUi(self, StartScreen):
#if QT_CONFIG(accessibility)
        StartScreen.setAccessibleName(QCoreApplication.translate("StartScreen", u"Start screen", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("StartScreen", u"Safeguarding self-assessment", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("StartScreen", u"Safeguarding self-assessment", None))
#endif // QT_CONFIG(accessibility)
        self.welcomeLabel.setText(QCoreApplication.translate("StartScreen", u"Complete your organisation's safeguarding self-assessment: section 11 for agencies, section 175/157 for schools and colleges. Grade each standard, add your evidence and plan your actions. Every change is saved in your audit file as you go.", None))
        self.newFileButton.setText(QCoreApplication.translate("StartScreen", u"&New audit file\u2026", None))
#if QT_CONFIG(tooltip)
        self.newFileButton.setToolTip(QCoreApplication.translate("StartScreen", u"Start an audit file for your organisation", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.newFileButton.setAccessibleName(QCoreApplication.translate("StartScreen", u"New audit file", None))
#endif // QT_CONFIG(accessibility)
        self.openFileButton.setText(QCoreApplication.translate("StartScreen", u"&Open audit file\u2026", None))
#if QT_CONFIG(tooltip)
        self.openFileButton.setToolTip(QCoreApplication.translate("StartScreen", u"Open an audit file you saved before", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openFileButton.setAccessibleName(QCoreApplication.translate("StartScreen", u"Open audit file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.skippedBox.setAccessibleName(QCoreApplication.translate("StartScreen", u"Standards files that could not be used", None))
#endif // QT_CONFIG(accessibility)
        self.skippedTitle.setText(QCoreApplication.translate("StartScreen", u"Some standards files could not be used", None))
#if QT_CONFIG(accessibility)
        self.skippedText.setAccessibleName(QCoreApplication.translate("StartScreen", u"Skipped standards files and why", None))
#endif // QT_CONFIG(accessibility)
        self.recentLabel.setText(QCoreApplication.translate("StartScreen", u"&Recent audit files", None))
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleName(QCoreApplication.translate("StartScreen", u"Recent audit files", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleDescription(QCoreApplication.translate("StartScreen", u"Press Enter or double-click to open a file", None))
#endif // QT_CONFIG(accessibility)
        self.recentEmpty.setText(QCoreApplication.translate("StartScreen", u"Audit files you create or open will be listed here.", None))
    # retranslateUi



class StartScreenForm(QWidget, Ui_StartScreen):
    """``forms/start_screen.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
