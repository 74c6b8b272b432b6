"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'moderation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ModerationDialog(object):
    def setupUi(self, ModerationDialog):
        if not ModerationDialog.objectName():
            ModerationDialog.setObjectName(u"ModerationDialog")
        ModerationDialog.resize(1060, 660)
        self.pageLayout = QVBoxLayout(ModerationDialog)
        self.pageLayout.setObjectName(u"pageLayout")
        self.heading = QLabel(ModerationDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.heading)

        self.explanation = QLabel(ModerationDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.pageLayout.addWidget(self.explanation)

        self.rowsArea = QScrollArea(ModerationDialog)
        self.rowsArea.setObjectName(u"rowsArea")
        self.rowsArea.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rowsArea.setWidgetResizable(True)
        self.rowsArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.rowsWidget = QWidget()
        self.rowsWidget.setObjectName(u"rowsWidget")
        self.rowsArea.setWidget(self.rowsWidget)

        self.pageLayout.addWidget(self.rowsArea)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.letterButton = QPushButton(ModerationDialog)
        self.letterButton.setObjectName(u"letterButton")
        self.letterButton.setAutoDefault(False)

        self.bottomRow.addWidget(self.letterButton)

        self.problem = QLabel(ModerationDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.bottomRow.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ModerationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.bottomRow.addWidget(self.buttons)


        self.pageLayout.addLayout(self.bottomRow)

        QWidget.setTabOrder(self.letterButton, self.buttons)

        self.retranslateUi(ModerationDialog)
    # setupUi

    def retranslateUi(self, ModerationDialog):
        ModerationDialog.setWindowTitle(QCoreApplication.translate("ModerationDialog", u"Moderate the return", None))
        self.heading.setProperty(u"role", QCoreApplication.translate("ModerationDialog", u"heading", None))
        self.explanation.setText(QCoreApplication.translate("ModerationDialog", u"For each standard or criterion, leave \"Agree\" where you accept the organisation's own grade, or choose the grade you moderate it to and say why. A standard whose grade comes from its criteria follows its moderated criteria. Findings can then be shown on moderated grades.", None))
#if QT_CONFIG(accessibility)
        self.rowsArea.setAccessibleName(QCoreApplication.translate("ModerationDialog", u"Standards and criteria with the self-grade and the moderated grade", None))
#endif // QT_CONFIG(accessibility)
        self.letterButton.setText(QCoreApplication.translate("ModerationDialog", u"Write &feedback letter\u2026", None))
#if QT_CONFIG(accessibility)
        self.letterButton.setAccessibleName(QCoreApplication.translate("ModerationDialog", u"Write the feedback letter to the organisation as a PDF", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setProperty(u"role", QCoreApplication.translate("ModerationDialog", u"error", None))
    # retranslateUi



class ModerationDialogForm(QWidget, Ui_ModerationDialog):
    """``forms/moderation_dialog.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
