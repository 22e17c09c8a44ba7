// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QDialog>
#include <vector>

class QLabel;
class QPushButton;
class QWidget;
class Session;
struct HostSetting;

// The TCP settings of the lab's two hosts, side by side (Lab → Host Settings): SACK, timestamps,
// window scaling, ECN, Fast Open, SYN cookies, the backlog limit, buffer sizes, SYN retries,
// keep-alive times and quick ACKs, from the table the scenario format shares (trace/hostsettings.h).
// It shows what each host's kernel has now and applies a change to the next connection — the
// kernel reads these when a connection is made, so one already open keeps what its SYNs agreed.
// Each change is recorded in the trace and in the scenario "Save What I Did as Scenario" writes.
// It acts only on a live lab (by hand); otherwise it shows the values and is read-only.
class HostSettingsDialog : public QDialog {
    Q_OBJECT
public:
    HostSettingsDialog(Session *session, QWidget *parent = nullptr);

    // Reads every value again from the kernels (after a change, a fresh lab or a change of mode).
    void refresh();
    // Sets every value that differs from the kernel's; false with the first refusal shown.
    bool apply();

    // The editor of one setting of one host, for tests: named "<side>/<key>" ("client/net.ipv4.tcp_sack").
    QWidget *editor(Side side, const QString &key) const;
    // A host's "Restart" button (named "<side>/restart"): it asks first, then the host reboots.
    QPushButton *restartButton(Side side) const { return m_restart[int(side)]; }
    // Asks, then restarts the host (Session::restartHost); false when cancelled or refused.
    bool restartHost(Side side);

private:
    struct Row {
        const HostSetting *setting;
        QWidget *editor[2];
        QString value[2]; // as the kernel had it when last read
    };
    bool applyChanges();
    QString editorValue(const Row &row, Side side) const;
    void setEditorValue(Row &row, Side side, const QString &value);

    Session *m_session;
    std::vector<Row> m_rows;
    QLabel *m_status = nullptr;
    QLabel *m_hostTitle[2] = {nullptr, nullptr}; // "Client 10.0.0.1", "Server 10.0.0.2"
    QPushButton *m_apply = nullptr;
    QPushButton *m_restart[2] = {nullptr, nullptr};
    bool m_applying = false; // the values the user chose are not read over until all are set
};
