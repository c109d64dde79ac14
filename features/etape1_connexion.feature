# language: fr
Fonctionnalité: Étape 1 – L'assuré choisit l'option « Mot de passe oublié »
  Si l'assuré ne se souvient plus de son mot de passe,
  il clique sur « Mot de passe oublié ? » depuis la page de connexion.

  @E1-CONNEXION
  Scénario: La page de connexion propose « Mot de passe oublié ? »
    Étant donné que je suis sur la page de connexion
    Alors la page a le champ « Mon numéro de sécurité sociale »
    Et la page a le champ « Mon mot de passe (ou code provisoire) »
    Et la page propose « Mot de passe oublié ? »
    Et la page propose « ME CONNECTER »
    Et la page affiche « Première visite ? »
    Et la page propose « Créer un compte »
    Quand je clique sur « Mot de passe oublié ? »
    Alors je suis sur le formulaire « Mot de passe oublié »
