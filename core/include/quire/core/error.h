// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error_codes.h>

#include <QString>

#include <expected>

namespace quire::core {

/** @brief A failure a person can read: `message` is a reason such as "title must not be empty". */
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

template<class T = void>
using Result = std::expected<T, Error>;

/** @brief The snake_case name used on the wire: "not_found", "invalid_argument", ... */
[[nodiscard]] QString errorCodeName(ErrorCode code);

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected(Error {code, std::move(message)});
}

} // namespace quire::core
