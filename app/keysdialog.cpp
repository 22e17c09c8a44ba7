// SPDX-License-Identifier: GPL-3.0-or-later
#include "keysdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>

namespace {
// "&Open…" as the menu shows it: "Open…" ("&&" is a real ampersand).
QString plain(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

QString keysText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &k : action->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}
} // namespace

KeysDialog::KeysDialog(QMainWindow *window)
    : QDialog(window)
{
    setWindowTitle(tr("Keys"));
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);

    QSet<const QAction *> listed;
    QTreeWidgetItem *group = nullptr;
    const auto add = [&](QAction *a, const QString &groupTitle) {
        if (a->shortcuts().isEmpty() || listed.contains(a)) return;
        listed.insert(a);
        if (!group || group->text(0) != groupTitle) {
            group = new QTreeWidgetItem(m_list, {groupTitle});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
        }
        auto *row = new QTreeWidgetItem(group, {plain(a->text()), keysText(a)});
        row->setToolTip(0, a->statusTip());
    };
    // The menus in the order the menu bar shows them; a submenu after its menu's own actions,
    // under both names ("View › Numbers").
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
        const QList<QAction *> actions = menu->actions();
        for (QAction *a : actions) {
            if (!a->menu()) add(a, path);
        }
        for (QAction *a : actions) {
            if (a->menu()) walk(a->menu(), path + QStringLiteral(" › ") + plain(a->menu()->title()));
        }
    };
    for (QAction *top : window->menuBar()->actions()) {
        if (top->menu()) walk(top->menu(), plain(top->menu()->title()));
    }
    // What no menu holds: keys that only work in lecture mode, where the menu bar is hidden.
    for (QAction *a : window->findChildren<QAction *>())
        add(a, tr("Other"));

    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(600, 720);
}
