package stdapi

import (
	"encoding/json"
	"io"
	"net/http"

	"gorm.io/gorm"

	"example.com/api/models"
)

type H struct{ DB *gorm.DB }

func (h *H) create(w http.ResponseWriter, r *http.Request) {
	var u models.User
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil { // want `Decode binds client input into persistence model models.User, which \(\*gorm.DB\).Create writes`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.DB.Create(&u)
}

func (h *H) update(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var u models.User
	if err := json.Unmarshal(body, &u); err != nil { // want `Unmarshal binds client input into persistence model models.User, which \(\*gorm.DB\).Updates writes`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.DB.Model(&models.User{}).Where("id = ?", r.PathValue("id")).Updates(&u)
}

type createRequest struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func (h *H) createDTO(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	u := models.User{Name: req.Name, Email: req.Email, Role: "member"}
	h.DB.Create(&u)
}

func (h *H) replaced(w http.ResponseWriter, r *http.Request) {
	var u models.User
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	u = models.User{Name: u.Name, Email: u.Email}
	h.DB.Create(&u)
}

func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

func (h *H) createViaHelper(w http.ResponseWriter, r *http.Request) {
	var u models.User
	if err := decode(r, &u); err != nil { // want `decode binds client input into persistence model models.User, which \(\*gorm.DB\).Create writes`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.DB.Create(&u)
}

func (h *H) createDTOViaHelper(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if err := decode(r, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.DB.Create(&models.User{Name: req.Name, Email: req.Email})
}
