// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pcapimport.h"

#include <QAbstractTableModel>
#include <vector>

// The TCP connections of a capture as a table, for the conversation picker. Display text is
// formatted; SortRole gives the raw value (numbers sort as numbers through a QSortFilterProxyModel).
class ConversationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Stream, Client, Server, Segments, Bytes, Duration, End, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int StreamRole = Qt::UserRole + 1; // the row's tcp.stream number, in every column

    explicit ConversationModel(QObject *parent = nullptr);

    void setConversations(std::vector<Conversation> conversations);
    const std::vector<Conversation> &conversations() const { return m_conversations; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Conversation> m_conversations;
};
