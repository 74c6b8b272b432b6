"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""

################################################################################
## Form generated from reading UI file 'action_plan_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_ActionPlanView(object):
    def setupUi(self, ActionPlanView):
        if not ActionPlanView.objectName():
            ActionPlanView.setObjectName(u"ActionPlanView")
        ActionPlanView.resize(1000, 600)
        self.pageLayout = QVBoxLayout(ActionPlanView)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.needsActionNotice = QFrame(ActionPlanView)
        self.needsActionNotice.setObjectName(u"needsActionNotice")
        self.needsActionNotice.setFrameShape(QFrame.Shape.StyledPanel)
        self.needsActionLayout = QVBoxLayout(self.needsActionNotice)
        self.needsActionLayout.setSpacing(6)
        self.needsActionLayout.setObjectName(u"needsActionLayout")
        self.needsActionTitle = QLabel(self.needsActionNotice)
        self.needsActionTitle.setObjectName(u"needsActionTitle")
        self.needsActionTitle.setWordWrap(True)

        self.needsActionLayout.addWidget(self.needsActionTitle)

        self.needsActionRows = QVBoxLayout()
        self.needsActionRows.setSpacing(4)
        self.needsActionRows.setObjectName(u"needsActionRows")

        self.needsActionLayout.addLayout(self.needsActionRows)


        self.pageLayout.addWidget(self.needsActionNotice)

        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(8)
        self.filterRow.setObjectName(u"filterRow")
        self.standardFilterLabel = QLabel(ActionPlanView)
        self.standardFilterLabel.setObjectName(u"standardFilterLabel")

        self.filterRow.addWidget(self.standardFilterLabel)

        self.standardFilter = QComboBox(ActionPlanView)
        self.standardFilter.setObjectName(u"standardFilter")
        self.standardFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.standardFilter.setMinimumContentsLength(22)

        self.filterRow.addWidget(self.standardFilter)

        self.statusFilterLabel = QLabel(ActionPlanView)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filterRow.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(ActionPlanView)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterRow.addWidget(self.statusFilter)

        self.searchLabel = QLabel(ActionPlanView)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterRow.addWidget(self.searchLabel)

        self.searchBox = QLineEdit(ActionPlanView)
        self.searchBox.setObjectName(u"searchBox")
        self.searchBox.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.searchBox)


        self.pageLayout.addLayout(self.filterRow)

        self.actionsTable = QTableView(ActionPlanView)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsTable.setTabKeyNavigation(False)
        self.actionsTable.setAlternatingRowColors(True)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setSortingEnabled(True)
        self.actionsTable.setWordWrap(True)
        self.actionsTable.horizontalHeader().setStretchLastSection(True)
        self.actionsTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.actionsTable)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(ActionPlanView)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.editButton = QPushButton(ActionPlanView)
        self.editButton.setObjectName(u"editButton")

        self.buttonRow.addWidget(self.editButton)

        self.removeButton = QPushButton(ActionPlanView)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.summary = QLabel(ActionPlanView)
        self.summary.setObjectName(u"summary")

        self.buttonRow.addWidget(self.summary)


        self.pageLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.standardFilterLabel.setBuddy(self.standardFilter)
        self.statusFilterLabel.setBuddy(self.statusFilter)
        self.searchLabel.setBuddy(self.searchBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.standardFilter, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.searchBox)
        QWidget.setTabOrder(self.searchBox, self.actionsTable)
        QWidget.setTabOrder(self.actionsTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.removeButton)

        self.retranslateUi(ActionPlanView)
    # setupUi

    def retranslateUi(self, ActionPlanView):
#if QT_CONFIG(accessibility)
        ActionPlanView.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Action plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.needsActionNotice.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Standards that still need an action", None))
#endif // QT_CONFIG(accessibility)
        self.needsActionTitle.setText(QCoreApplication.translate("ActionPlanView", u"These standards are graded at a level that needs an action, but have none yet:", None))
        self.standardFilterLabel.setText(QCoreApplication.translate("ActionPlanView", u"&Standard:", None))
#if QT_CONFIG(accessibility)
        self.standardFilter.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Show actions for standard", None))
#endif // QT_CONFIG(accessibility)
        self.statusFilterLabel.setText(QCoreApplication.translate("ActionPlanView", u"S&tatus:", None))
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Show actions with status", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("ActionPlanView", u"Se&arch:", None))
#if QT_CONFIG(accessibility)
        self.searchBox.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Search actions", None))
#endif // QT_CONFIG(accessibility)
        self.searchBox.setPlaceholderText(QCoreApplication.translate("ActionPlanView", u"Words in the action, owner or notes", None))
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Actions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleDescription(QCoreApplication.translate("ActionPlanView", u"Press Enter or double-click to edit an action", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("ActionPlanView", u"A&dd action\u2026", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Add action", None))
#endif // QT_CONFIG(accessibility)
        self.editButton.setText(QCoreApplication.translate("ActionPlanView", u"Ed&it\u2026", None))
#if QT_CONFIG(accessibility)
        self.editButton.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Edit the selected action", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("ActionPlanView", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.removeButton.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Remove the selected action", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("ActionPlanView", u"Action plan summary", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi



class ActionPlanViewForm(QWidget, Ui_ActionPlanView):
    """``forms/action_plan_view.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
