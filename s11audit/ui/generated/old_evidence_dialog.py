"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'old_evidence_dialog.ui'
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

class Ui_OldEvidenceDialog(object):
    def setupUi(self, OldEvidenceDialog):
        if not OldEvidenceDialog.objectName():
            OldEvidenceDialog.setObjectName(u"OldEvidenceDialog")
        OldEvidenceDialog.resize(800, 540)
        self.pageLayout = QVBoxLayout(OldEvidenceDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.explanation = QLabel(OldEvidenceDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.periodLayout = QFormLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.olderThanLabel = QLabel(OldEvidenceDialog)
        self.olderThanLabel.setObjectName(u"olderThanLabel")

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.olderThanLabel)

        self.olderThan = QSpinBox(OldEvidenceDialog)
        self.olderThan.setObjectName(u"olderThan")
        self.olderThan.setMinimum(1)
        self.olderThan.setMaximum(1200)
        self.olderThan.setValue(36)

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.olderThan)


        self.pageLayout.addLayout(self.periodLayout)

        self.previewLabel = QLabel(OldEvidenceDialog)
        self.previewLabel.setObjectName(u"previewLabel")

        self.pageLayout.addWidget(self.previewLabel)

        self.previewTable = QTableView(OldEvidenceDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setTabKeyNavigation(False)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSortingEnabled(True)
        self.previewTable.setWordWrap(False)

        self.pageLayout.addWidget(self.previewTable)

        self.totals = QLabel(OldEvidenceDialog)
        self.totals.setObjectName(u"totals")
        self.totals.setWordWrap(True)

        self.pageLayout.addWidget(self.totals)

        self.buttons = QDialogButtonBox(OldEvidenceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Ok)

        self.pageLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.olderThanLabel.setBuddy(self.olderThan)
        self.previewLabel.setBuddy(self.previewTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.olderThan, self.previewTable)

        self.retranslateUi(OldEvidenceDialog)
    # setupUi

    def retranslateUi(self, OldEvidenceDialog):
        OldEvidenceDialog.setWindowTitle(QCoreApplication.translate("OldEvidenceDialog", u"Delete old evidence", None))
        self.explanation.setText(QCoreApplication.translate("OldEvidenceDialog", u"Evidence files of earlier audits keep personal data for as long as this file is kept. Delete the evidence of audits signed off longer ago than the period below: it is deleted for good and the file is compacted, so it cannot be read from the file. The audits' grades, narratives and actions stay; the evidence of the latest full audit, of an audit not yet signed off and of a compliance statement's baseline is never deleted; returns already sent are not changed.", None))
        self.olderThanLabel.setText(QCoreApplication.translate("OldEvidenceDialog", u"&Older than:", None))
#if QT_CONFIG(accessibility)
        self.olderThan.setAccessibleName(QCoreApplication.translate("OldEvidenceDialog", u"Delete evidence older than (months)", None))
#endif // QT_CONFIG(accessibility)
        self.olderThan.setSuffix(QCoreApplication.translate("OldEvidenceDialog", u" months", None))
        self.previewLabel.setText(QCoreApplication.translate("OldEvidenceDialog", u"&Files to delete:", None))
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleName(QCoreApplication.translate("OldEvidenceDialog", u"Evidence files older than the period", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.totals.setAccessibleName(QCoreApplication.translate("OldEvidenceDialog", u"What would be deleted, in all", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class OldEvidenceDialogForm(QWidget, Ui_OldEvidenceDialog):
    """``forms/old_evidence_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
