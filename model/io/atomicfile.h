// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class QIODevice;

// Every export goes through here: the bytes go to a temporary file beside the target, which replaces
// the target only when everything was written (QSaveFile). A failed export leaves no half file and
// keeps whatever was at the path before.
namespace AtomicFile {
// `produce` writes the content into the device; it returns false with *error set to give up.
// On failure *error says what went wrong and names the path.
bool write(const QString &path, const std::function<bool(QIODevice &device, QString *error)> &produce, QString *error);
bool write(const QString &path, const QByteArray &bytes, QString *error);
}
