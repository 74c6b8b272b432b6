"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'dsl_directory_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDateEdit, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_DslDirectoryDialog(object):
    def setupUi(self, DslDirectoryDialog):
        if not DslDirectoryDialog.objectName():
            DslDirectoryDialog.setObjectName(u"DslDirectoryDialog")
        DslDirectoryDialog.resize(1100, 620)
        self.pageLayout = QVBoxLayout(DslDirectoryDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.summary = QLabel(DslDirectoryDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.summary)

        self.showRow = QHBoxLayout()
        self.showRow.setObjectName(u"showRow")
        self.showLabel = QLabel(DslDirectoryDialog)
        self.showLabel.setObjectName(u"showLabel")

        self.showRow.addWidget(self.showLabel)

        self.listChooser = QComboBox(DslDirectoryDialog)
        self.listChooser.setObjectName(u"listChooser")

        self.showRow.addWidget(self.listChooser)

        self.onLabel = QLabel(DslDirectoryDialog)
        self.onLabel.setObjectName(u"onLabel")

        self.showRow.addWidget(self.onLabel)

        self.on = QDateEdit(DslDirectoryDialog)
        self.on.setObjectName(u"on")
        self.on.setCalendarPopup(True)

        self.showRow.addWidget(self.on)

        self.showSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.showRow.addItem(self.showSpacer)


        self.pageLayout.addLayout(self.showRow)

        self.table = QTableView(DslDirectoryDialog)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.pageLayout.addWidget(self.table)

        self.writeRow = QHBoxLayout()
        self.writeRow.setObjectName(u"writeRow")
        self.xlsxButton = QPushButton(DslDirectoryDialog)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.writeRow.addWidget(self.xlsxButton)

        self.csvButton = QPushButton(DslDirectoryDialog)
        self.csvButton.setObjectName(u"csvButton")

        self.writeRow.addWidget(self.csvButton)

        self.writeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.writeRow.addItem(self.writeSpacer)

        self.buttons = QDialogButtonBox(DslDirectoryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.writeRow.addWidget(self.buttons)


        self.pageLayout.addLayout(self.writeRow)

#if QT_CONFIG(shortcut)
        self.showLabel.setBuddy(self.listChooser)
        self.onLabel.setBuddy(self.on)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.listChooser, self.on)
        QWidget.setTabOrder(self.on, self.table)
        QWidget.setTabOrder(self.table, self.xlsxButton)
        QWidget.setTabOrder(self.xlsxButton, self.csvButton)

        self.retranslateUi(DslDirectoryDialog)
    # setupUi

    def retranslateUi(self, DslDirectoryDialog):
        DslDirectoryDialog.setWindowTitle(QCoreApplication.translate("DslDirectoryDialog", u"Designated safeguarding leads", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"About this list", None))
#endif // QT_CONFIG(accessibility)
        self.showLabel.setText(QCoreApplication.translate("DslDirectoryDialog", u"&Show:", None))
#if QT_CONFIG(accessibility)
        self.listChooser.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"Which list to show", None))
#endif // QT_CONFIG(accessibility)
        self.onLabel.setText(QCoreApplication.translate("DslDirectoryDialog", u"Refresher training due &on:", None))
#if QT_CONFIG(accessibility)
        self.on.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"Day refresher training is counted back from", None))
#endif // QT_CONFIG(accessibility)
        self.on.setDisplayFormat(QCoreApplication.translate("DslDirectoryDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"Designated safeguarding leads and deputies", None))
#endif // QT_CONFIG(accessibility)
        self.xlsxButton.setText(QCoreApplication.translate("DslDirectoryDialog", u"Write &workbook\u2026", None))
#if QT_CONFIG(accessibility)
        self.xlsxButton.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"Write the directory, the refresher list and the changed DSLs as an Excel workbook", None))
#endif // QT_CONFIG(accessibility)
        self.csvButton.setText(QCoreApplication.translate("DslDirectoryDialog", u"Write &CSV\u2026", None))
#if QT_CONFIG(accessibility)
        self.csvButton.setAccessibleName(QCoreApplication.translate("DslDirectoryDialog", u"Write the list shown as a CSV file", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class DslDirectoryDialogForm(QWidget, Ui_DslDirectoryDialog):
    """``forms/dsl_directory_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
