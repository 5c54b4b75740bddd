// Package ginapp: gin handlers.
package ginapp

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/api/apierr"
)

type User struct {
	ID   uint
	Name string
}

type Service interface {
	Rename(id string, name string) error
}

type API struct {
	db  *gorm.DB
	svc Service
}

func errorResponse(err error) gin.H { // want errorResponse:`text\[0\]`
	return gin.H{"error": err.Error()}
}

func (a *API) getUser(c *gin.Context) {
	var u User
	if err := a.db.First(&u, c.Param("id")).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()}) // want `err.Error\(\) of a database error is sent to the client by c.JSON`
		return
	}
	c.JSON(http.StatusOK, u)
}

func (a *API) rename(c *gin.Context) {
	var req struct{ Name string }
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // client input: not reported
		return
	}
	if err := a.svc.Rename(c.Param("id"), req.Name); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `err.Error\(\) is sent to the client in a 500 response by c.JSON`
		return
	}
	c.Status(http.StatusNoContent)
}

func (a *API) helper(c *gin.Context) {
	if err := a.svc.Rename("1", "x"); err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, errorResponse(err)) // want `err is sent to the client in a 500 response by c.AbortWithStatusJSON`
	}
}

func (a *API) format(c *gin.Context) {
	if err := a.db.Delete(&User{}, c.Param("id")).Error; err != nil {
		c.String(http.StatusInternalServerError, "delete failed: %v", err) // want `err of a database error is sent to the client by c.String`
	}
}

func Router() *gin.Engine {
	r := gin.New()
	r.Use(gin.CustomRecovery(func(c *gin.Context, recovered any) {
		c.String(http.StatusInternalServerError, fmt.Sprintf("panic: %v", recovered)) // want `the recovered panic value is sent`
	}))
	return r
}

// ---- not reported ----

var ErrTaken = errors.New("name already taken")

func (a *API) quiet(c *gin.Context) {
	err := a.svc.Rename(c.Param("id"), "x")
	switch {
	case errors.Is(err, ErrTaken):
		c.JSON(http.StatusConflict, gin.H{"error": err.Error()})
	case err != nil:
		_ = c.AbortWithError(http.StatusInternalServerError, err) // recorded, not written
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": err}) // JSON of an error: {}
	}
}

func (a *API) recorded(c *gin.Context) {
	var u User
	if err := a.db.First(&u, 1).Error; err != nil {
		_ = c.AbortWithError(http.StatusInternalServerError, fmt.Errorf("load user: %w", err))
	}
}

// currentUser learns who the caller is: its errors are about the
// caller's credentials.
func currentUser(c *gin.Context) (*User, error) {
	v, ok := c.Get("user")
	if !ok {
		return nil, errors.New("no user in context")
	}
	u, ok := v.(*User)
	if !ok {
		return nil, fmt.Errorf("bad user type %T", v)
	}
	return u, nil
}

func (a *API) me(c *gin.Context) {
	u, err := currentUser(c)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, u)
}

// A helper of another package that returns the error's text (textFact).
func (a *API) save(c *gin.Context) {
	u := User{Name: c.Query("name")}
	if err := a.db.Create(&u).Error; err != nil {
		c.JSON(http.StatusUnprocessableEntity, apierr.New("database", err)) // want `err of a database error is sent to the client by c.JSON`
		return
	}
	if err := a.db.Save(&u).Error; err != nil {
		c.JSON(http.StatusInternalServerError, apierr.Fixed("database", err)) // fixed text
	}
}

// devError adds the error's text only outside release mode (Cloudreve's
// serializer.Err): no textFact.
func devError(err error) gin.H {
	h := gin.H{"error": "internal error"}
	if gin.Mode() != gin.ReleaseMode {
		h["detail"] = err.Error()
	}
	return h
}

func (a *API) gated(c *gin.Context) {
	if err := a.db.Save(&User{}).Error; err != nil {
		if gin.IsDebugging() {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `err.Error\(\) is sent to the client by c.JSON in debug mode`
			return
		}
		c.JSON(http.StatusInternalServerError, devError(err))
	}
}

func (a *API) unknown404(c *gin.Context) {
	if err := a.svc.Rename(c.Param("id"), "y"); err != nil {
		c.JSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
	}
}

func SafeRouter() *gin.Engine {
	gin.SetMode(gin.DebugMode)
	r := gin.New()
	r.Use(gin.CustomRecovery(func(c *gin.Context, recovered any) {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
	}))
	return r
}
