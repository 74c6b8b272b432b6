"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'completion_view.ui'
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
    QHeaderView, QLabel, QProgressBar, QScrollArea,
    QSizePolicy, QSplitter, QTreeView, QVBoxLayout,
    QWidget)

class Ui_CompletionView(object):
    def setupUi(self, CompletionView):
        if not CompletionView.objectName():
            CompletionView.setObjectName(u"CompletionView")
        CompletionView.resize(1366, 800)
        self.pageLayout = QHBoxLayout(CompletionView)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(CompletionView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.sidebar = QWidget(self.splitter)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebar.setMinimumSize(QSize(300, 0))
        self.sidebarLayout = QVBoxLayout(self.sidebar)
        self.sidebarLayout.setObjectName(u"sidebarLayout")
        self.sidebarLayout.setContentsMargins(8, 8, 4, 8)
        self.navigatorLabel = QLabel(self.sidebar)
        self.navigatorLabel.setObjectName(u"navigatorLabel")
        self.navigatorLabel.setStyleSheet(u"font-weight: bold;")

        self.sidebarLayout.addWidget(self.navigatorLabel)

        self.navigator = QTreeView(self.sidebar)
        self.navigator.setObjectName(u"navigator")
        self.navigator.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigator.setAlternatingRowColors(True)
        self.navigator.setRootIsDecorated(False)
        self.navigator.setUniformRowHeights(False)
        self.navigator.setWordWrap(True)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigator.setAllColumnsShowFocus(True)

        self.sidebarLayout.addWidget(self.navigator)

        self.progressLabel = QLabel(self.sidebar)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setWordWrap(True)

        self.sidebarLayout.addWidget(self.progressLabel)

        self.progress = QProgressBar(self.sidebar)
        self.progress.setObjectName(u"progress")
        self.progress.setValue(0)

        self.sidebarLayout.addWidget(self.progress)

        self.completenessHost = QWidget(self.sidebar)
        self.completenessHost.setObjectName(u"completenessHost")
        self.completenessLayout = QVBoxLayout(self.completenessHost)
        self.completenessLayout.setObjectName(u"completenessLayout")
        self.completenessLayout.setContentsMargins(0, 8, 0, 0)

        self.sidebarLayout.addWidget(self.completenessHost)

        self.splitter.addWidget(self.sidebar)
        self.paneScroll = QScrollArea(self.splitter)
        self.paneScroll.setObjectName(u"paneScroll")
        self.paneScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.paneScroll.setWidgetResizable(True)
        self.splitter.addWidget(self.paneScroll)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.navigatorLabel.setBuddy(self.navigator)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CompletionView)
    # setupUi

    def retranslateUi(self, CompletionView):
        self.navigatorLabel.setText(QCoreApplication.translate("CompletionView", u"&Standards", None))
#if QT_CONFIG(accessibility)
        self.navigator.setAccessibleName(QCoreApplication.translate("CompletionView", u"Standards", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navigator.setAccessibleDescription(QCoreApplication.translate("CompletionView", u"The standards of this self-assessment with how much of each is done and its grade. Ctrl+Down and Ctrl+Up go to the next and previous standard.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("CompletionView", u"Overall progress", None))
#endif // QT_CONFIG(accessibility)
        self.progress.setFormat(QCoreApplication.translate("CompletionView", u"%p% complete", None))
#if QT_CONFIG(accessibility)
        self.paneScroll.setAccessibleName(QCoreApplication.translate("CompletionView", u"Selected standard", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi



class CompletionViewForm(QWidget, Ui_CompletionView):
    """``forms/completion_view.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
