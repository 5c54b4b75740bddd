package dataexposure

const doc = `report persistence models serialized straight into HTTP responses

The dataexposure check finds handlers that write a database model (a
gorm/db/bun/pg/sql/bson/dynamodbav-tagged struct, a struct embedding
gorm.Model or bun.BaseModel, an ent entity, a struct registered with the
ORM (gorm AutoMigrate, bun RegisterModel), or a struct that data-access
calls write or read whole rows into anywhere in the program) as a
response body: with c.JSON/c.IndentedJSON/c.XML... (gin), c.JSON (echo),
c.JSON (fiber), render.JSON/Respond (chi), json.NewEncoder(w).Encode or
json.Marshal followed by a write (net/http). Models nested in a wrapper are found too:
gin.H{"user": u}, map[string]any, a field of a response struct, slices
and pointers of models, and models nested in a model's own fields (a
gorm association only when the value's reads load it: Preload/Joins in
the handler or in the function returning the value, Preload(clause.
Associations), or set in a literal or by assignment; gorm leaves the
others empty).

A read makes a model of its destination only when that is a row, not a
projection: db.Model(&User{}).Select("id,email").Scan(&dtos), gorm
Table("users") or Raw SQL of another table, sqlx or database/sql column
lists FROM a table the type is not named after (UserSummary from users;
Session from sessions and UserRow from users are rows; SELECT * always
is), and a Scan that fills fewer than two, or fewer than half, of a
type's fields (row.Scan(&u.ID) after INSERT … RETURNING id) do not make
models. A query built at run time counts as a row read.

Three levels:

  error  the model has sensitive fields that encoding/json writes: fields
         named after a password, hash, salt, secret, token, API key, OTP,
         MFA or recovery code, private key, SSN, card number, CVV, IBAN...
         (by the words of the field name and of its JSON key, with a
         string, []byte or nullable-string type). The message names the
         fields and where they are declared. Also an error: such a field
         copied into a response DTO (UserResp{ID: u.ID, Password:
         u.PasswordHash}, or resp.Token = user.APIKey before the DTO is
         sent), reported at the copy — the literal's field or the
         assignment — when the DTO field is serialized and the DTO is the
         response or inside it (also when a function or method of the
         same package builds it: toUserResp(&u), resp.With(&app) — the
         copy is reported in that function, and the handler's masks and
         ownership checks of the argument hold); a model field tagged
         json:"-" copied out counts too. Not copies: a value passed through a call first
         (mask(u.Password), a hash), a field cleared before the copy, a
         DTO that is not sent, and a token, API key or secret in a login,
         token or key-issuing endpoint or after an ownership check (the
         issuer rule below).
  warning
         a struct that is no model carries secrets to the client (gosec
         G117's rule, at real response writes only): a configuration
         struct (yaml, toml, mapstructure, env, envconfig, ini, koanf
         tags: loaded from a file or the environment) with any sensitive
         field, or any struct with a secret no client is shown (a hash,
         digest or encrypted form, a salt, a private, signing, encryption
         or master key). Response types built to show a secret to whom
         may see it (a share's password, an owner's key) are left alone,
         and so are the client's own request body sent back, and a token,
         API key or secret in a login, token, refresh, OAuth, session,
         register or key-creating endpoint (by the words of the handler,
         route path, response type or key): issuing it is the purpose.
  note   any other persistence model sent whole: shown only with
         -severity note (severity: note in .apivet.yml). Turn this level
         off with the report-whole-models setting when your models are
         your API.

Not flagged: response DTOs (types with no persistence tags that no
data-access call reads into); fields tagged json:"-" or unexported;
fields with no column (gorm:"-", gorm:"-:all", db:"-", bun:"-", pg:"-",
xorm:"-", bson:"-"): transient fields the code fills on other paths;
fields left out of a keyed literal (User{ID: u.ID, Name: u.Name});
pagination and CSRF tokens (NextPageToken, next_token, CSRFToken);
names that only mention a secret (TokenType, PasswordPolicy, TokenCount,
ExpiresIn) and fields whose type holds no secret (HasPassword bool,
TokenExpiry time.Time);
models with their own MarshalJSON (or MarshalText) method; fields
assigned before the response (u.PasswordHash = "" masks it, u.Token =
issued sends it on purpose), including in a loop over a slice of
pointers, through nested fields (o.Buyer.PasswordHash = ""), through the
parts of a nullable wrapper (u.Password.String = ""; u.Password.Valid =
false counts alone only for a wrapper with its own MarshalJSON, as
null.String: sql.NullString still writes its String), through a
call that returns its argument (c.JSON(200, withIcon(&app))), and by a
masking helper in any package (u.Sanitize(), hideSecrets(users): learned
with facts); a credential that a service issues and shows to the
record's owner (a field named token, API key or secret) when the handler
compares an owner field of the record with something before responding
(app.UserID == me.ID) or reads it with a query scoped to the caller
(db.Where("user_id = ?", me.ID).First(&app, id), App{UserID: uid} or a
map as the condition, the caller being a principal the HTTP model
knows): passwords, hashes, salts and personal data stay errors; fields
no read fills: every read of the value lists its columns with gorm
Select/Omit and leaves them out, in the handler or in the function that
returns the value (db.Select("id,username,role").Find(&users); return
users: learned with facts); fields a response helper never reads of
the model it is given (setupLogin(&u, c) that sends User{ID: u.ID, Name:
u.Name}: learned with facts); text, HTML, byte and error responses.

Suggested fix: add json:"-" to the sensitive field, when the model is
declared in the package being analyzed (an edit in another package would
not be part of this package's diagnostics).

Limits: the related entities in an ent entity's Edges (filled only when
a query eager-loads them) are not followed. The value must be visible at
the response call: a model returned
by a function as interface{} or stored in a map by another function is
not followed. Responses written through a project helper
(respondJSON(w, v)) are found only once the shared HTTP model reports
them. The sensitive-name list errs towards credentials; a field that is
a secret under another name is missed.

Settings (.apivet.yml):

  dataexposure:
    report-whole-models: true   # note for a model with no sensitive fields

Suppress a finding with //apivet:ignore dataexposure <reason> on the line
of the response call or the line above.`
