"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'retention_dialog.ui'
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
    QFormLayout, QHeaderView, QLabel, QSizePolicy,
    QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_RetentionDialog(object):
    def setupUi(self, RetentionDialog):
        if not RetentionDialog.objectName():
            RetentionDialog.setObjectName(u"RetentionDialog")
        RetentionDialog.resize(900, 600)
        self.pageLayout = QVBoxLayout(RetentionDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(RetentionDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.periodsLayout = QFormLayout()
        self.periodsLayout.setObjectName(u"periodsLayout")
        self.periodsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.evidenceLabel = QLabel(RetentionDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.periodsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceMonths = QSpinBox(RetentionDialog)
        self.evidenceMonths.setObjectName(u"evidenceMonths")
        self.evidenceMonths.setMinimum(0)
        self.evidenceMonths.setMaximum(1200)

        self.periodsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.evidenceMonths)

        self.narrativesLabel = QLabel(RetentionDialog)
        self.narrativesLabel.setObjectName(u"narrativesLabel")

        self.periodsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.narrativesLabel)

        self.narrativesMonths = QSpinBox(RetentionDialog)
        self.narrativesMonths.setObjectName(u"narrativesMonths")
        self.narrativesMonths.setMinimum(0)
        self.narrativesMonths.setMaximum(1200)

        self.periodsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.narrativesMonths)

        self.returnsLabel = QLabel(RetentionDialog)
        self.returnsLabel.setObjectName(u"returnsLabel")

        self.periodsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.returnsLabel)

        self.returnsMonths = QSpinBox(RetentionDialog)
        self.returnsMonths.setObjectName(u"returnsMonths")
        self.returnsMonths.setMinimum(0)
        self.returnsMonths.setMaximum(1200)

        self.periodsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.returnsMonths)


        self.pageLayout.addLayout(self.periodsLayout)

        self.periodsHint = QLabel(RetentionDialog)
        self.periodsHint.setObjectName(u"periodsHint")
        self.periodsHint.setWordWrap(True)

        self.pageLayout.addWidget(self.periodsHint)

        self.previewLabel = QLabel(RetentionDialog)
        self.previewLabel.setObjectName(u"previewLabel")

        self.pageLayout.addWidget(self.previewLabel)

        self.previewTable = QTableView(RetentionDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setTabKeyNavigation(False)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSortingEnabled(True)
        self.previewTable.setWordWrap(False)

        self.pageLayout.addWidget(self.previewTable)

        self.totals = QLabel(RetentionDialog)
        self.totals.setObjectName(u"totals")
        self.totals.setWordWrap(True)

        self.pageLayout.addWidget(self.totals)

        self.buttons = QDialogButtonBox(RetentionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.evidenceLabel.setBuddy(self.evidenceMonths)
        self.narrativesLabel.setBuddy(self.narrativesMonths)
        self.returnsLabel.setBuddy(self.returnsMonths)
        self.previewLabel.setBuddy(self.previewTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.evidenceMonths, self.narrativesMonths)
        QWidget.setTabOrder(self.narrativesMonths, self.returnsMonths)
        QWidget.setTabOrder(self.returnsMonths, self.previewTable)

        self.retranslateUi(RetentionDialog)
    # setupUi

    def retranslateUi(self, RetentionDialog):
        RetentionDialog.setWindowTitle(QCoreApplication.translate("RetentionDialog", u"Retention", None))
        self.explanation.setText(QCoreApplication.translate("RetentionDialog", u"How long this workspace keeps each kind of personal data. Applying retention deletes what is older than its period for good: the workspace file is then compacted, so what was deleted cannot be read from it. Keep for ever: nothing of that kind is deleted.", None))
        self.evidenceLabel.setText(QCoreApplication.translate("RetentionDialog", u"&Evidence files:", None))
#if QT_CONFIG(accessibility)
        self.evidenceMonths.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Keep evidence files for (months)", None))
#endif // QT_CONFIG(accessibility)
        self.evidenceMonths.setSpecialValueText(QCoreApplication.translate("RetentionDialog", u"Keep for ever", None))
        self.evidenceMonths.setSuffix(QCoreApplication.translate("RetentionDialog", u" months", None))
        self.narrativesLabel.setText(QCoreApplication.translate("RetentionDialog", u"&Narratives:", None))
#if QT_CONFIG(accessibility)
        self.narrativesMonths.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Keep narratives for (months)", None))
#endif // QT_CONFIG(accessibility)
        self.narrativesMonths.setSpecialValueText(QCoreApplication.translate("RetentionDialog", u"Keep for ever", None))
        self.narrativesMonths.setSuffix(QCoreApplication.translate("RetentionDialog", u" months", None))
        self.returnsLabel.setText(QCoreApplication.translate("RetentionDialog", u"&Whole returns:", None))
#if QT_CONFIG(accessibility)
        self.returnsMonths.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Keep whole returns for (months)", None))
#endif // QT_CONFIG(accessibility)
        self.returnsMonths.setSpecialValueText(QCoreApplication.translate("RetentionDialog", u"Keep for ever", None))
        self.returnsMonths.setSuffix(QCoreApplication.translate("RetentionDialog", u" months", None))
        self.periodsHint.setProperty(u"role", QCoreApplication.translate("RetentionDialog", u"secondary", None))
        self.previewLabel.setText(QCoreApplication.translate("RetentionDialog", u"&Past these periods:", None))
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"What applying retention would delete", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.totals.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"What would be deleted, in all", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class RetentionDialogForm(QWidget, Ui_RetentionDialog):
    """``forms/retention_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
