// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationpicker.h"

#include "io/conversationmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

ConversationPicker::ConversationPicker(std::vector<Conversation> conversations, QWidget *parent)
    : QDialog(parent)
    , m_model(new ConversationModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    setWindowTitle(tr("Choose a TCP connection"));
    m_model->setConversations(std::move(conversations));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConversationModel::SortRole);
    m_proxy->setFilterKeyColumn(-1); // any column: an address, a port, "RST", a stream number
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter: address, port, FIN, RST, open…"));
    m_filter->setClearButtonEnabled(true);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConversationModel::Stream, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(760, 420);

    connect(m_filter, &QLineEdit::textChanged, this, &ConversationPicker::setFilterText);
    connect(m_view, &QTableView::activated, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    const auto updateOpen = [this, open] { open->setEnabled(selectedStream() >= 0); };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateOpen);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateOpen);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateOpen);
    selectFirstRow();
    updateOpen();
}

void ConversationPicker::setFilterText(const QString &text)
{
    if (m_filter->text() != text) m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
    if (!m_view->selectionModel()->hasSelection()) selectFirstRow();
}

int ConversationPicker::selectedStream() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(ConversationModel::StreamRole).toInt();
}

void ConversationPicker::selectFirstRow()
{
    if (m_proxy->rowCount() > 0) m_view->selectRow(0);
}

int ConversationPicker::pick(std::vector<Conversation> conversations, const QString &fileName, QWidget *parent)
{
    ConversationPicker picker(std::move(conversations), parent);
    if (!fileName.isEmpty()) picker.setWindowTitle(tr("Choose a TCP connection of %1").arg(fileName));
    return picker.exec() == QDialog::Accepted ? picker.selectedStream() : -1;
}
