// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Why the lab cannot do something: the call that failed, its errno, and what fixes it.
struct LabError {
    QString call; // "open(/dev/net/tun)"
    int err = 0; // errno, 0 when not a syscall failure
    QString hint; // what it means here and the remedy
    // The lab cannot go on, whatever is asked next: the helper did not answer or is gone, or the app
    // has no descriptor left to receive a socket in. Not an errno of the call that was being made.
    bool fatal = false;

    bool isError() const { return !call.isEmpty() || err != 0 || !hint.isEmpty(); }
    // "open(/dev/net/tun) failed: EACCES (Permission denied). /dev/net/tun is mode 0600 ..."
    QString message() const;
};
