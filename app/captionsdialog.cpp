// SPDX-License-Identifier: GPL-3.0-or-later
#include "captionsdialog.h"

#include "scenario/scenario.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

CaptionsDialog::CaptionsDialog(const Scenario &scenario, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Captions of the Steps"));
    auto *hint = new QLabel(tr("Each step of what you did becomes a step of the scenario, with this caption under the "
                               "diagram. Double-click a caption (or select it and press F2) to say it in your words."),
                            this);
    hint->setWordWrap(true);
    m_table = new QTableWidget(int(scenario.steps.size()), 2, this);
    m_table->setHorizontalHeaderLabels({tr("Step"), tr("Caption")});
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    for (int k = 0; k < int(scenario.steps.size()); ++k) {
        auto *number = new QTableWidgetItem(QString::number(k + 1));
        number->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(k, 0, number);
        m_table->setItem(k, 1, new QTableWidgetItem(scenario.steps[size_t(k)].caption));
    }
    m_table->resizeRowsToContents();
    connect(m_table, &QTableWidget::itemChanged, m_table, [this] { m_table->resizeRowsToContents(); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save as Scenario…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 480);
}

QStringList CaptionsDialog::captions() const
{
    QStringList out;
    for (int k = 0; k < m_table->rowCount(); ++k)
        out << m_table->item(k, 1)->text();
    return out;
}
