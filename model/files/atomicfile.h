// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QIODevice;

// Every export goes through here. What happens depends on what is at the path:
// - a regular file, or nothing: the bytes go to a temporary file beside the target, every write's
//   count is checked, the file is fsync'ed and closed, and only then renamed over the target. A
//   failed export (a full disk, a painter giving up) leaves no half file and keeps the previous
//   file byte for byte. (QSaveFile is not used: in Qt 6.4 its commit() renames even when its own
//   final flush failed with ENOSPC, a short write leaves its error() at NoError, and it renames
//   over a device node or a FIFO.)
// - a device or a FIFO: written in place, never replaced. A FIFO is opened without blocking, so
//   one nobody reads fails at once ("no reader on the FIFO") instead of hanging.
// - "-": standard output, in place.
// Errors name the path and say why with the system's words ("No space left on device").
namespace AtomicFile {

using Producer = std::function<bool(QIODevice &device, QString *error)>;

// `produce` writes the content into the device; it returns false with *error set to give up.
// On failure *error says what went wrong and names the path.
bool write(const QString &path, const Producer &produce, QString *error);
bool write(const QString &path, const QByteArray &bytes, QString *error);
// Several files, all or none: each is written to a temporary file first, and the targets are
// replaced only when all of them were written (a failure while renaming puts back what was
// renamed). Only regular files (or new ones): a device or a FIFO among them is refused.
bool writeAll(const QStringList &paths, const QList<QByteArray> &contents, QString *error);

// "-": the export goes to standard output.
bool isStandardOutput(const QString &path);
} // namespace AtomicFile
