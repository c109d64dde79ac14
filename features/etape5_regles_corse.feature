# language: fr
Fonctionnalité: Étape 5 – Les règles du mot de passe pour un assuré né en Corse
  Le numéro d'un assuré né en Corse porte 2A ou 2B à la place du département. Sous la
  lecture de la cible (son profil), une partie du numéro est une suite de chiffres
  consécutifs : chacune est refusée ; une suite qui contient la lettre n'est essayée ni dans
  un sens ni dans l'autre.

  @E5-SANS-NIR-NI-DATE
  Plan du scénario: Le numéro d'un assuré né en Corse, ou une partie, est refusé
    Étant donné un assuré <naissance> dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                                              | règle                       |
      | contenant mon numéro de sécurité sociale                  | numéro ou date de naissance |
      | contenant chaque partie de mon numéro de sécurité sociale | numéro ou date de naissance |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

    Exemples:
      | naissance                           |
      | né en Corse-du-Sud (département 2A) |
      | né en Haute-Corse (département 2B)  |
