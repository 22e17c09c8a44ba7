// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/pcapimport.h"

#include <QDialog>
#include <vector>

class ConversationModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// Lists the TCP connections of a capture (endpoints, segments, bytes, duration, how it ended),
// sortable by any column and filtered by the text typed above the table; the chosen one is
// returned as its tcp.stream number.
class ConversationPicker : public QDialog {
    Q_OBJECT
public:
    explicit ConversationPicker(std::vector<Conversation> conversations, QWidget *parent = nullptr);

    // The stream of the selected row; -1 when none is selected (e.g. the filter hides them all).
    int selectedStream() const;
    void setFilterText(const QString &text);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // Shows the picker modally: the chosen stream, or -1 when cancelled.
    static int pick(std::vector<Conversation> conversations, const QString &fileName, QWidget *parent = nullptr);

private:
    void selectFirstRow();

    ConversationModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
};
