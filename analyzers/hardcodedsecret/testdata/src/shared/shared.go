// Package shared declares constants that other packages pass to sinks.
package shared

// SigningKey is a literal constant named like a key: a guess here, and a
// finding where it reaches a sink in another package.
const SigningKey = "kP9v2sXq7LmW4nZtR8cY" // want `possible hard-coded secret "kP9v…" assigned to SigningKey`

// Issuer is not a secret, and is passed to no sink.
const Issuer = "billing-service"
