// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QMainWindow;
class QTreeWidget;

// Help → Keys: every shortcut of the window, read from its actions when the dialog opens, so the
// list cannot drift from what the keys do. Grouped by the menu that holds each action, in menu
// order; actions in no menu (Esc, which leaves lecture mode) come last.
class KeysDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeysDialog(QMainWindow *window);

    QTreeWidget *list() const { return m_list; } // a row per menu, under it a row per action: name, keys

private:
    QTreeWidget *m_list = nullptr;
};
