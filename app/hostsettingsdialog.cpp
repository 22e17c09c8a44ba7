// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostsettingsdialog.h"

#include "lab/lab.h"
#include "run/session.h"
#include "trace/hostsettings.h"
#include "trace/trace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <limits>

using namespace Qt::StringLiterals;

HostSettingsDialog::HostSettingsDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Host Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Changes apply to the <b>next connection</b>: the kernel reads these settings when a "
                               "connection is made, so one already open keeps what its SYNs agreed. Each change is "
                               "recorded in the trace and in the scenario saved from what you did."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    // Rows scroll: fifteen settings and two hosts fit a 768-pixel screen only when the text is small.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *grid = new QWidget(scroll);
    auto *g = new QGridLayout(grid);
    g->addWidget(new QLabel(tr("<b>Setting</b>"), grid), 0, 0);
    for (Side side : {Side::Client, Side::Server}) {
        m_hostTitle[int(side)] = new QLabel(grid);
        g->addWidget(m_hostTitle[int(side)], 0, 1 + int(side));
    }
    int r = 1;
    for (const HostSetting &s : HostSettings::all()) {
        if (!s.inPanel) continue;
        Row row {&s, {nullptr, nullptr}, {}};
        auto *name = new QLabel(s.displayName(), grid);
        name->setToolTip(
            QStringLiteral("<p>%1</p><p><tt>%2</tt></p>").arg(s.helpText().toHtmlEscaped(), QLatin1StringView(s.key)));
        g->addWidget(name, r, 0);
        for (Side side : {Side::Client, Side::Server}) {
            QWidget *e = nullptr;
            switch (s.type) {
            case HostSetting::Type::OnOff:
            case HostSetting::Type::Route:
                e = new QCheckBox(tr("on"), grid);
                break;
            case HostSetting::Type::Choice: {
                auto *box = new QComboBox(grid);
                for (int i = 0; i <= s.max; ++i)
                    box->addItem(s.valueText(QString::number(i)), QString::number(i));
                e = box;
                break;
            }
            case HostSetting::Type::Integer: {
                auto *spin = new QSpinBox(grid);
                spin->setRange(int(s.min), int(std::min<qint64>(s.max, std::numeric_limits<int>::max())));
                if (s.unit) spin->setSuffix(u' ' + QCoreApplication::translate("HostSettings", s.unit));
                e = spin;
                break;
            }
            case HostSetting::Type::Triple: {
                auto *line = new QLineEdit(grid);
                line->setValidator(new QRegularExpressionValidator(
                    QRegularExpression(QStringLiteral("[1-9][0-9]{0,9} [1-9][0-9]{0,9} [1-9][0-9]{0,9}")), line));
                line->setPlaceholderText(tr("least first most"));
                e = line;
                break;
            }
            }
            e->setObjectName(sideName(side) + u'/' + QLatin1StringView(s.key));
            e->setToolTip(s.helpText());
            g->addWidget(e, r, 1 + int(side));
            row.editor[int(side)] = e;
        }
        m_rows.push_back(row);
        ++r;
    }
    g->setColumnStretch(0, 1);
    scroll->setWidget(grid);
    // Only the rows scroll: the two hosts' columns are always whole.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(grid->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    layout->addWidget(scroll, 1);

    // A reboot of one host, as a scenario's "host" action makes it: what a peer that lost its
    // state looks like from the other side (its old connections get RST).
    auto *restart = new QHBoxLayout;
    for (Side side : {Side::Client, Side::Server}) {
        auto *b = new QPushButton(
            side == Side::Client ? tr("Restart the Client's Host…") : tr("Restart the Server's Host…"), this);
        b->setObjectName(sideName(side) + u"/restart"_s);
        b->setAutoDefault(false); // Return applies the settings, never restarts a host
        b->setToolTip(tr("The host reboots: its kernel forgets every connection and starts from the default "
                         "settings"));
        connect(b, &QPushButton::clicked, this, [this, side] { restartHost(side); });
        restart->addWidget(b);
        m_restart[int(side)] = b;
    }
    restart->addStretch(1);
    layout->addLayout(restart);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
    m_apply = buttons->button(QDialogButtonBox::Apply);
    m_apply->setText(tr("&Apply to the Next Connection"));
    m_apply->setObjectName(u"applyHostSettings"_s);
    connect(m_apply, &QPushButton::clicked, this, &HostSettingsDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // The values follow the lab: a fresh lab starts from the defaults, a scenario sets its own.
    connect(session->lab(), &Lab::readyChanged, this, &HostSettingsDialog::refresh);
    connect(session, &Session::modeChanged, this, &HostSettingsDialog::refresh);
    connect(session->trace(), &Trace::settingChanged, this, &HostSettingsDialog::refresh);
    refresh();
}

QWidget *HostSettingsDialog::editor(Side side, const QString &key) const
{
    for (const Row &row : m_rows) {
        if (key == QLatin1StringView(row.setting->key)) return row.editor[int(side)];
    }
    return nullptr;
}

QString HostSettingsDialog::editorValue(const Row &row, Side side) const
{
    QWidget *e = row.editor[int(side)];
    if (auto *c = qobject_cast<QCheckBox *>(e)) return c->isChecked() ? u"1"_s : u"0"_s;
    if (auto *c = qobject_cast<QComboBox *>(e)) return c->currentData().toString();
    if (auto *s = qobject_cast<QSpinBox *>(e)) return QString::number(s->value());
    if (auto *l = qobject_cast<QLineEdit *>(e)) return l->text();
    return {};
}

void HostSettingsDialog::setEditorValue(Row &row, Side side, const QString &value)
{
    row.value[int(side)] = value;
    QWidget *e = row.editor[int(side)];
    if (auto *c = qobject_cast<QCheckBox *>(e)) c->setChecked(value != u"0");
    if (auto *c = qobject_cast<QComboBox *>(e)) {
        const int i = c->findData(value);
        // A value outside the table's choices (set by hand in a scenario file): shown as it is.
        if (i < 0) c->addItem(value, value);
        c->setCurrentIndex(i < 0 ? c->count() - 1 : i);
    }
    if (auto *s = qobject_cast<QSpinBox *>(e)) s->setValue(value.toInt());
    if (auto *l = qobject_cast<QLineEdit *>(e)) l->setText(value);
}

void HostSettingsDialog::refresh()
{
    if (m_applying) return;
    Lab *lab = m_session->lab();
    const bool live = m_session->mode() == Session::Mode::Live && lab->isReady();
    // The hosts' addresses: the lab may have started afresh over the other IP version.
    m_hostTitle[0]->setText(u"<b>"_s + tr("Client") + u' ' + lab->address(Side::Client) + u"</b>"_s);
    m_hostTitle[1]->setText(u"<b>"_s + tr("Server") + u' ' + lab->address(Side::Server) + u"</b>"_s);
    QString problem;
    for (Row &row : m_rows) {
        for (Side side : {Side::Client, Side::Server}) {
            QString value;
            LabError error;
            const bool known = live && lab->hostSetting(side, QLatin1StringView(row.setting->key), &value, &error);
            if (known)
                setEditorValue(row, side, value);
            else if (live && problem.isEmpty())
                problem = tr("%1 cannot be read on this kernel: %2").arg(row.setting->displayName(), error.message());
            row.editor[int(side)]->setEnabled(known);
        }
    }
    m_apply->setEnabled(live);
    for (QPushButton *b : m_restart)
        b->setEnabled(live);
    m_status->setText(live ? problem
                           : tr("No live lab: work by hand (Lab → Work by Hand) to change the hosts' settings."));
}

bool HostSettingsDialog::apply()
{
    m_applying = true;
    const bool ok = applyChanges();
    m_applying = false;
    const QString status = m_status->text();
    refresh();
    m_status->setText(status);
    return ok;
}

bool HostSettingsDialog::applyChanges()
{
    for (Row &row : m_rows) {
        for (Side side : {Side::Client, Side::Server}) {
            if (!row.editor[int(side)]->isEnabled()) continue;
            const QString value = editorValue(row, side);
            if (value == row.value[int(side)]) continue;
            const QString key = QLatin1StringView(row.setting->key);
            QString error;
            if (!HostSettings::fits(*row.setting, value)) {
                m_status->setText(
                    tr("%1 on the %2: expected %3.")
                        .arg(row.setting->displayName(), sideName(side), HostSettings::expectedText(*row.setting)));
                return false;
            }
            if (!m_session->setHostSetting(side, key, value, &error)) {
                m_status->setText(tr("%1 on the %2: %3").arg(row.setting->displayName(), sideName(side), error));
                return false;
            }
        }
    }
    m_status->setText(tr("Applied: the next connection is made with these settings."));
    return true;
}

bool HostSettingsDialog::restartHost(Side side)
{
    const bool client = side == Side::Client;
    QMessageBox ask(QMessageBox::Question, tr("Restart Host"),
                    (client ? tr("Restart the client's host (%1)?") : tr("Restart the server's host (%1)?"))
                            .arg(m_session->lab()->address(side))
                        + u' '
                        + tr("The host reboots: its kernel forgets every connection; the next segment of an old "
                             "connection is answered with RST. Its sockets are closed, and its settings are the "
                             "defaults again. The other host and the wire stay as they are."),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    ask.button(QMessageBox::Ok)->setText(tr("Restart"));
    ask.setDefaultButton(QMessageBox::Cancel);
    if (ask.exec() != QMessageBox::Ok) return false;
    QString error;
    const bool ok = m_session->restartHost(side, &error);
    refresh(); // the new kernel's values
    if (!ok)
        m_status->setText(
            (client ? tr("The client's host could not restart: %1") : tr("The server's host could not restart: %1"))
                .arg(error));
    else
        m_status->setText(client ? tr("The client's host restarted: a new kernel with the same address.")
                                 : tr("The server's host restarted: a new kernel with the same address."));
    return ok;
}
