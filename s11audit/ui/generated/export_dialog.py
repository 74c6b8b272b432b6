"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(620, 220)
        self.pageLayout = QVBoxLayout(ExportDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.returnPathLabel = QLabel(ExportDialog)
        self.returnPathLabel.setObjectName(u"returnPathLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.returnPathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.returnPath = QLineEdit(ExportDialog)
        self.returnPath.setObjectName(u"returnPath")

        self.pathRow.addWidget(self.returnPath)

        self.browseButton = QPushButton(ExportDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.pathRow.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.pageLayout.addLayout(self.formLayout)

        self.writePdf = QCheckBox(ExportDialog)
        self.writePdf.setObjectName(u"writePdf")
        self.writePdf.setChecked(True)

        self.pageLayout.addWidget(self.writePdf)

        self.writeXlsx = QCheckBox(ExportDialog)
        self.writeXlsx.setObjectName(u"writeXlsx")
        self.writeXlsx.setChecked(True)

        self.pageLayout.addWidget(self.writeXlsx)

        self.problem = QLabel(ExportDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.returnPathLabel.setBuddy(self.returnPath)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.returnPath, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.writePdf)
        QWidget.setTabOrder(self.writePdf, self.writeXlsx)
        QWidget.setTabOrder(self.writeXlsx, self.buttons)

        self.retranslateUi(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export the return", None))
        self.returnPathLabel.setText(QCoreApplication.translate("ExportDialog", u"&Return file:", None))
#if QT_CONFIG(accessibility)
        self.returnPath.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Return file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.returnPath.setAccessibleDescription(QCoreApplication.translate("ExportDialog", u"Where the signed return is written; the PDF and workbook go beside it", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Browse for the return file", None))
#endif // QT_CONFIG(accessibility)
        self.writePdf.setText(QCoreApplication.translate("ExportDialog", u"Also write the &PDF report beside it", None))
#if QT_CONFIG(accessibility)
        self.writePdf.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Also write the PDF report", None))
#endif // QT_CONFIG(accessibility)
        self.writeXlsx.setText(QCoreApplication.translate("ExportDialog", u"Also write the &action plan workbook beside it", None))
#if QT_CONFIG(accessibility)
        self.writeXlsx.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Also write the action plan workbook", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("ExportDialog", u"What is still needed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class ExportDialogForm(QWidget, Ui_ExportDialog):
    """``forms/export_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
