// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationmodel.h"

#include <QLocale>

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ConversationModel::setConversations(std::vector<Conversation> conversations)
{
    beginResetModel();
    m_conversations = std::move(conversations);
    endResetModel();
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

int ConversationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Conversation &c = m_conversations[size_t(index.row())];
    if (role == StreamRole) return c.stream;
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == Stream || index.column() == Segments || index.column() == Bytes
            || index.column() == Duration;
        return QVariant::fromValue(
            Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole && index.column() == End) {
        switch (c.end) {
        case Conversation::End::Fin:
            return tr("closed with FIN");
        case Conversation::End::Rst:
            return tr("reset (RST)");
        case Conversation::End::Open:
            return tr("still open when the capture ends");
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Client && !c.sawSyn)
        return tr("The capture starts after the handshake: the client is the first sender, numbers are relative.");
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool display = role == Qt::DisplayRole;
    switch (Column(index.column())) {
    case Stream:
        return c.stream;
    case Client:
        return c.client;
    case Server:
        return c.server;
    case Segments:
        return display ? QVariant(QLocale().toString(c.segments)) : QVariant(c.segments);
    case Bytes:
        return display ? QVariant(QLocale().formattedDataSize(qint64(c.bytes))) : QVariant(c.bytes);
    case Duration:
        return display ? QVariant(tr("%1 s").arg(QLocale().toString(double(c.durationNs()) / 1e9, 'f', 3)))
                       : QVariant(c.durationNs());
    case End:
        return conversationEndName(c.end);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConversationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Stream:
        return tr("Stream");
    case Client:
        return tr("Client");
    case Server:
        return tr("Server");
    case Segments:
        return tr("Segments");
    case Bytes:
        return tr("Bytes");
    case Duration:
        return tr("Duration");
    case End:
        return tr("Ended");
    case ColumnCount:
        break;
    }
    return {};
}
