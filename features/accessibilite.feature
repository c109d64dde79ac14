# language: fr
@accessibilite
Fonctionnalité: Accessibilité – la démarche pour tous (profil « accessibilite », hors verdict)
  Un service public en ligne doit respecter le RGAA 4.1 (l'équivalent français des WCAG 2.1,
  niveau AA). Chaque écran de la démarche est analysé par axe-core, erreurs affichées et mails
  compris : chaque manquement nomme son critère du RGAA. La demande se fait au clavier seul, le
  focus visible, et une erreur de saisie est reliée à son champ et annoncée.

  # Conception des tests (docs/conception-des-tests.md, ACC-*) :
  # - axe-core (règles WCAG 2.1 A et AA) sur chaque écran tel que la personne le voit, une ligne
  #   du rapport par écran ; il ne vérifie pas tout : le reste est vérifié ici à la main
  #   (clavier, focus, erreurs annoncées) ;
  # - le clavier : la touche Tab depuis le haut de la page, les champs dans l'ordre où l'écran
  #   les montre (qui peut différer de celui du guide), un indicateur de focus visible (l'écran
  #   autour du champ change quand il a le focus), aucun piège ;
  # - une erreur : le message affiché à côté du champ fait partie de son nom ou de sa
  #   description ; affichée par un script dans la même page, elle est annoncée (alerte, zone
  #   annoncée, focus) ; dans une nouvelle page, ce n'est pas un message de statut.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @ACC-ECRANS
  Scénario: De l'accueil au mail reçu, chaque écran respecte les critères vérifiables automatiquement
    Étant donné que je suis sur l'accueil du compte ameli
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je clique sur « Connectez-vous »
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je clique sur « Mot de passe oublié ? »
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je remplis le formulaire avec mes informations
    Et je recopie mal les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement
    Et je reçois un seul mail, à l'adresse de mon compte
    Quand j'ouvre le mail reçu
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement

  @ACC-ECRANS
  Scénario: Du lien à la confirmation, chaque écran et le mail qui notifie respectent les critères vérifiables automatiquement
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je choisis un mot de passe sans majuscule
    Et je clique sur « Valider le nouveau mot de passe »
    Alors le mot de passe est refusé, avec une raison qui parle de « casse »
    Et cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et cet écran respecte les critères du RGAA vérifiés automatiquement
    Quand j'ouvre le mail qui notifie le changement de mot de passe
    Alors cet écran respecte les critères du RGAA vérifiés automatiquement

  @ACC-ECRANS
  Scénario: La page qui annonce le blocage du service respecte les critères vérifiables automatiquement
    Étant donné que j'ai fait le nombre maximum de demandes de renouvellement
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Et cet écran respecte les critères du RGAA vérifiés automatiquement

  @ACC-CAPTCHA
  Scénario: Le CAPTCHA dit ce qu'il est, et son extrait sonore s'obtient au clavier
    Étant donné que je suis sur le formulaire « Mot de passe oublié »
    Alors l'image des caractères a une alternative textuelle qui dit sa nature et sa fonction
    Quand j'atteins le microphone avec la touche Tab et j'appuie sur Entrée
    Alors j'entends un extrait sonore que le navigateur sait lire, de la longueur des caractères

  @ACC-CLAVIER
  Scénario: La demande se fait au clavier seul, dans l'ordre de l'écran, le focus toujours visible
    Étant donné que je suis sur la page de connexion
    Quand j'atteins « Mot de passe oublié ? » avec la touche Tab et j'appuie sur Entrée
    Alors je suis sur le formulaire « Mot de passe oublié »
    Et la touche Tab atteint ces champs dans l'ordre où l'écran les montre, chacun avec un focus visible :
      | champ                                      |
      | Numéro de sécurité sociale                 |
      | Date de naissance (jj/mm/aaaa)             |
      | Adresse mail associée à votre compte ameli |
      | Caractères lus ou entendus                 |
    Quand je remplis le formulaire en atteignant chaque champ avec la touche Tab
    Et j'atteins « Recevoir le mail » avec la touche Tab et j'appuie sur Entrée
    Alors la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée

  @ACC-CLAVIER
  Scénario: Le nouveau mot de passe se choisit au clavier seul, le focus toujours visible
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Alors la touche Tab atteint ces champs dans l'ordre où l'écran les montre, chacun avec un focus visible :
      | champ                     |
      | Nouveau mot de passe      |
      | Confirmer le mot de passe |
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et j'atteins « Valider le nouveau mot de passe » avec la touche Tab et j'appuie sur Entrée
    Alors la page confirme que mon nouveau mot de passe est enregistré

  @ACC-ERREURS
  Scénario: Une date de naissance erronée est signalée et reliée à son champ
    Étant donné que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations, sauf « Date de naissance (jj/mm/aaaa) » où je saisis « 31/02/1990 »
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur en français est signalée à côté du champ « Date de naissance (jj/mm/aaaa) »
    Et l'erreur du champ « Date de naissance (jj/mm/aaaa) » est reliée à ce champ, et annoncée si la page ne change pas
