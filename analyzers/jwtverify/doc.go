package jwtverify

const doc = `report JWTs parsed without algorithm pinning, or not verified at all

(doc to be written)`
