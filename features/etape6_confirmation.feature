# language: fr
Fonctionnalité: Étape 6 – L'assuré reçoit la confirmation de son nouveau mot de passe
  L'assuré reçoit la confirmation que son renouvellement de mot de passe a bien
  été enregistré ; il se connecte désormais avec son nouveau mot de passe.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E6-CONFIRMATION
  Scénario: Le nouveau mot de passe est enregistré
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré

  @E6-CONNEXION
  Scénario: Le nouveau mot de passe ouvre le compte, l'ancien non
    Étant donné que j'ai enregistré un nouveau mot de passe
    Quand je me connecte avec mon ancien mot de passe
    Alors la connexion est refusée
    Quand je me connecte avec mon nouveau mot de passe
    Alors je suis connecté à mon compte ameli
